#ifndef PLANNER_CGLPK_SHIM_H
#define PLANNER_CGLPK_SHIM_H
#include <glpk.h>
#endif
