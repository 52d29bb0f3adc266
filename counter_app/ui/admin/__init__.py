"""The Administration menu's dialogs (admin role only): officials and the
procedure catalogue. Each dialog calls the services; none touches the database."""
