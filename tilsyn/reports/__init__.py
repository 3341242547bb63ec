"""reportlab reports: report data in, PDF bytes out. Imports only the domain."""
