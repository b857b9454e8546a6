package dev.orderclock.web.identity;

/**
 * The operator token this run generated because none was configured, so that the application can
 * tell the operator once (the service: in its dashboard address); null when it was configured,
 * and then never repeated anywhere.
 */
public record IssuedAdminToken(String generated) {

    public boolean wasGenerated() {
        return generated != null;
    }

    @Override
    public String toString() {
        return "IssuedAdminToken[" + (wasGenerated() ? "generated" : "configured") + "]";
    }
}
