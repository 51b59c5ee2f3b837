// Tests draw seeded cases with the toolkit's own generators.
@_exported import Randomness
