"""Pure domain: entities, rules, catalogues. Imports nothing from Qt, SQL or reportlab."""
