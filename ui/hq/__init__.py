"""The HQ window: the national picture from the HQ store (``main.py hq --db
DB``). Qt only here; every query runs in ``hq`` on the store's own thread."""
