package cn.jl.govit.operation;

/** What an entry of the O&M log records. */
public enum MaintenanceRecordKind {
    ROUTINE, INCIDENT, CHANGE, BACKUP_DRILL, SECURITY_EVENT
}
