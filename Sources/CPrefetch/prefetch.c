// The header holds the only function, inline; SwiftPM needs a source file.
#include "prefetch.h"
