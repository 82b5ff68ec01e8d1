"""Replicas and change packs: deputies' laptops kept in step with the
governor's vault by file, with no network.

The governor's vault is the one authority (a star, with it at the centre).
``home`` makes a replica pack for one user and the update packs that refresh
it; ``replica`` opens a pack into a vault of the same kind on the deputy's
laptop, gathers the operations made there and sends them back; ``apply``
takes a change pack in at the governor's vault; ``decisions`` holds the
proposed changes that met a record that had moved on. ``packs`` is the file
format (encrypted to the recipient's public key, signed by the sender), and
``docs/replicas.md`` describes it.

This room sits above ``lawful``: it uses the records' services and the
audit room's chain, and nothing below imports it.
"""
