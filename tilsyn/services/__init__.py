"""Use cases: plain values in, frozen dataclasses out. No Qt, no ORM objects leak out."""
