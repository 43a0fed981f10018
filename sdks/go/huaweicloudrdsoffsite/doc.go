// Read-only data sources over Huawei Cloud RDS cross-region (offsite) backups and their restore time ranges, for gating restores during pulumi preview.
package huaweicloudrdsoffsite
