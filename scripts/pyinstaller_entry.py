"""Entry script for the PyInstaller bundle (build_spec.spec).

PyInstaller runs its entry file as a top-level script, where the relative imports in
tilsyn/__main__.py would fail; this calls the same main() through the package.
"""

import sys

from tilsyn.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
