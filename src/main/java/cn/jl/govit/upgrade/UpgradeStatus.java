package cn.jl.govit.upgrade;

/**
 * Where an upgrade request stands: {@code SUBMITTED} → {@code PROJECT_CREATED} on the normal route (the project is
 * proposed with the request); {@code SUBMITTED} → {@code AWAITING_LEADING_GROUP} → {@code APPROVED} →
 * {@code PROJECT_CREATED}, or {@code REJECTED}, on the joint-review route.
 */
public enum UpgradeStatus {
    SUBMITTED, AWAITING_LEADING_GROUP, APPROVED, REJECTED, PROJECT_CREATED
}
