#ifndef CPROCESS_H
#define CPROCESS_H

/// Makes this process write no core dump, whatever `ulimit -c` or a piped core_pattern says: RLIMIT_CORE 0 and
/// PR_SET_DUMPABLE 0 (prctl is variadic, so Swift cannot call it directly). Returns 0 on success.
int cprocess_disable_core_dumps(void);

/// 1 when the process may dump core (prctl PR_GET_DUMPABLE), for tests.
int cprocess_is_dumpable(void);

#endif
