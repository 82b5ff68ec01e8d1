"""The register: its table model, filter proxy and view."""
