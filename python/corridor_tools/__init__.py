"""corridor's development tooling: benchmarks, peer comparisons, calibration and simulation studies.

Run from a checkout (``python -m corridor_tools.<module>``, or the Makefile targets ``make bench``,
``make calibration``, ``make validation-sim``, ...); never shipped in the ``corridor`` wheel, which packages
``python/corridor`` only. Tooling may import the product (``corridor``); the product never imports tooling
(python/tests/test_package.py).
"""
