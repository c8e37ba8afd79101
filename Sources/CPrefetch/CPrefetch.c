// The target's code is the inline function in its header; a C target needs one source file.
#include "CPrefetch.h"
