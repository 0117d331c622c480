#pragma once

namespace invoicer::cli {

// Graceful stop on SIGINT/SIGTERM without async signal handlers: BlockShutdownSignals
// (before the process starts any thread, so every thread inherits the mask) and then
// WaitForShutdownSignal in the thread that should do the stopping; it returns the signal.
void BlockShutdownSignals();
int WaitForShutdownSignal();

}  // namespace invoicer::cli
