// The header holds the functions, inline; SwiftPM needs a source file.
#include "memory_hints.h"
