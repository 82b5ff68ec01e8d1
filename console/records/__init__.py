"""The records room: the register's data classes and vocabularies, input
checks, the rules that flag what is overdue, need-to-know and the
consultation journal, and the services that change subjects, reports,
referrals, measures, users and briefings. Builds on audit and storage.
"""
