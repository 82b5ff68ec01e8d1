"""Small widgets the feature folders share: dates, passphrases, a wrapping
layout, an eliding label and the column chooser."""
