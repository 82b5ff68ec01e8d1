"""Alembic's environment for the HQ store: migrations run on the connection
the store hands over (``config.attributes["connection"]``), never on a URL,
so the encrypted SQLite file is opened with its key and a server password
is never written to a configuration file."""

from alembic import context

from hq.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite",
                  transaction_per_migration=True)
with context.begin_transaction():
    context.run_migrations()
