#include "CThreadSanitizer.h"
