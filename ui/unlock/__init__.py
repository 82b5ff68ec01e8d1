"""The unlock page shown whenever the vault is locked."""
