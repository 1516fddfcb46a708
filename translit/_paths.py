"""Old home of :mod:`translit._util.paths`, kept only for ``translit/origin.py``'s import.

Delete it once origin.py imports ``translit._util.paths`` (issue 17 merge).
"""

from translit._util.paths import cache_dir, data_dir, data_path

__all__ = ["cache_dir", "data_dir", "data_path"]
