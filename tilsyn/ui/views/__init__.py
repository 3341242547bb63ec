"""One view class per page or tab; each gets its services in the constructor."""
