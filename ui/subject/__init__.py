"""One subject: the detail panel, its tabs and the add/edit dialogs."""
