"""Prints the versions of the Python peers, for the table's heading."""
import sys
from importlib.metadata import version

print(", ".join(f"{name} {version(name)}" for name in ("python-docx", "openpyxl", "lxml")) + f", python {sys.version.split()[0]}")
