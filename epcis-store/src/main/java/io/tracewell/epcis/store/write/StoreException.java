package io.tracewell.epcis.store.write;

/** The database refused or failed a store operation; nothing of the operation was kept. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the database rolled the transaction back because of a conflict with another one (InnoDB deadlock
     * 1213, lock wait timeout 1205, SQLSTATE 40001; on Galera also a certification failure, reported as 1213):
     * running the same work again is the remedy.
     */
    public boolean isTransient() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && ("40001".equals(sql.getSQLState())
                    || sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }
}
