import java.io.IOException;

/**
 * Starts Neo4j Community and stops it when the process that started it goes away.
 *
 * The parent (Node) holds this process's standard input open. When the parent
 * exits for any reason, including a crash or SIGKILL, the pipe closes, the read
 * below returns end-of-file, and System.exit runs Neo4j's shutdown hook, so no
 * orphaned database keeps the port and the store lock.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(Launcher::exitWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        org.neo4j.server.CommunityEntryPoint.main(args);
    }

    private static void exitWhenParentGoes() {
        try {
            while (System.in.read() != -1) {
                // The parent never writes; anything it might is ignored.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same as end-of-file.
        }
        System.exit(0);
    }
}
