/**
 * Two or more application nodes on one PostgreSQL (issue 7.11). What the nodes share lives in the database:
 * page sessions (Spring Session JDBC, tables from this module's migrations), a lease per scheduled job
 * (ShedLock, so that the nightly scans, the document sweeper and fixity check and the digest run on one node
 * only) and the event publication registry, whose publications a node that died left incomplete are resubmitted
 * by a cluster-locked job on a node that lives. The modules keep their own schedules; they only name their lock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "集群 Cluster", allowedDependencies = {})
package cn.jl.govit.cluster;
