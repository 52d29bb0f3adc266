"""Tools for demonstrations and development, never imported by the runtime
layers: the scripted day, the two-counter sync demo, the form samples and a
throwaway local PostgreSQL cluster."""
