-- One database per service, as in deploy/local (ServiceDatabases).
CREATE DATABASE registry_sh;
CREATE DATABASE registry_js;
CREATE DATABASE registry_zj;
CREATE DATABASE registry_ah;
CREATE DATABASE recognition;
CREATE DATABASE audit;
