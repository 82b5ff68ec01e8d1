"""The audit room: the signed, hash-linked chain of every change and the
authority it carries (who holds which role, certificate and key slot, the
vault's settings, restrictions and lifted bars, at each point of the chain);
the one table of rights, used by the services and by the replay alike; the
unlock that checks the chain from the head each user last sealed; and the
chain's first entry when a vault is created. Builds on storage only.
"""
