import Foundation

/// Set by the SIGINT handler; read and cleared by the shell.
nonisolated(unsafe) var shellInterrupted: sig_atomic_t = 0

/// Makes SIGINT set `shellInterrupted` instead of ending the shell; children get the default back on exec.
enum InterruptHandler {
    /// Installs the handler without SA_RESTART, so a read at the prompt returns; unblocks SIGINT if inherited blocked.
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in shellInterrupted = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
    }
}
