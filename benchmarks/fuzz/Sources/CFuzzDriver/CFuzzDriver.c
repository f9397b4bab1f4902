// Only the declaration in include/CFuzzDriver.h is needed; libFuzzer's runtime defines the function.
#include "CFuzzDriver.h"
