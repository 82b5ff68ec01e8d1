"""The records room: the register's data classes and vocabularies, the
commands a person gives (``commands``) and their input checks (``fields``),
the one audited partial update (``updates``), the rules that flag what is
overdue, need-to-know and the consultation journal, and the services that
change subjects, reports, referrals, measures, users and briefings. Builds
on audit and storage.
"""
