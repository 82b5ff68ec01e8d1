"""What the signed audit chain says about a session, shown in the desktop
console: the unlock's notices, rows found disagreeing with the chain, the
background check's verdict, and the backups when the chain refused an unlock."""
