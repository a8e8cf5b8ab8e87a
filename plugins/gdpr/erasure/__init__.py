"""Erasure (Art. 17): preview, apply, verify, certify; rectification (Art. 16)."""
