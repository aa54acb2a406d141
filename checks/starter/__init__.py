"""What `ekip init` writes: made from the sample by scripts/sync_starter.py."""
