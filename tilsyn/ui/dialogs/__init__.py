"""Modal dialogs; each composes a generated form and calls one service on save."""
