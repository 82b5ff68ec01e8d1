"""The audit room: the signed, hash-linked chain of every change, the table
of who may do what (checked by the services and, on replay, by the chain),
and the chain's first entry when a vault is created. Builds on storage only.
"""
