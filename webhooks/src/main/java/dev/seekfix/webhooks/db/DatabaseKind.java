package dev.seekfix.webhooks.db;

/** The databases seekfix runs on: embedded H2 for one process, PostgreSQL for replicas sharing one queue. */
public enum DatabaseKind {
    H2("org.quartz.impl.jdbcjobstore.StdJDBCDelegate", "org/quartz/impl/jdbcjobstore/tables_h2.sql", "BLOB"),
    POSTGRESQL("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate", "org/quartz/impl/jdbcjobstore/tables_postgres.sql",
            "BYTEA");

    private final String quartzDelegate;
    private final String quartzDdlResource;
    private final String binaryType;

    DatabaseKind(String quartzDelegate, String quartzDdlResource, String binaryType) {
        this.quartzDelegate = quartzDelegate;
        this.quartzDdlResource = quartzDdlResource;
        this.binaryType = binaryType;
    }

    public String quartzDelegate() { return quartzDelegate; }

    /** Quartz's own DDL, shipped in its jar. */
    public String quartzDdlResource() { return quartzDdlResource; }

    /** The column type for raw bodies of up to 25 MiB. */
    public String binaryType() { return binaryType; }

    /** Clustered Quartz needs a database every replica reaches; an embedded H2 file belongs to one process. */
    public boolean supportsClustering() { return this == POSTGRESQL; }

    public static DatabaseKind ofJdbcUrl(String url) {
        if (url.startsWith("jdbc:h2:")) return H2;
        if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException(
                "SEEKFIX_DB_URL must be a jdbc:h2: or jdbc:postgresql: URL, found '%s'; unset it to use the embedded H2 database"
                        .formatted(url));
    }
}
