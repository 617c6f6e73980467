// Generated from schemas/rmctl-settings.schema.json by ajv's standalone code generation (src/shared/schema-codegen.ts). Do not edit: run `npm run gen:validators`.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://rainymodel.dev/schemas/rmctl-settings.schema.json","title":"rmctl settings (rmctl.config.yaml)","description":"The deploy: section lets a team run plain `rmctl apply --backup`. Flags override it; relative paths are relative to this file's directory. A key written with no value (`canary:`) means not set. Other top-level sections are left to other tools.","type":"object","properties":{"deploy":{"type":"object","additionalProperties":false,"properties":{"providers":{"$ref":"#/definitions/path","description":"The provider registry (default providers/providers.yaml)."},"mappings":{"$ref":"#/definitions/path","description":"The model mappings (default mappings/model-mappings.yaml)."},"compiled":{"$ref":"#/definitions/path","description":"The compiled file in the repository (default generated/litellm-unified.yaml)."},"target":{"$ref":"#/definitions/path","description":"The deployed config the proxy loads. Required to deploy."},"service":{"$ref":"#/definitions/text","description":"The systemd unit to restart or reload; none: only the file is written."},"scope":{"enum":["user","system"],"description":"systemctl --user or the system manager (default user)."},"mode":{"enum":["restart","reload"],"description":"How the service takes the new file (default restart)."},"base_url":{"$ref":"#/definitions/url","description":"Where the proxy listens (default http://127.0.0.1:4000)."},"health_url":{"$ref":"#/definitions/url","description":"Checked after the deploy (default <base_url>/health/readiness)."},"timeout":{"$ref":"#/definitions/amount","description":"Seconds to wait for the proxy to be healthy (default 60)."},"canary":{"$ref":"#/definitions/text","description":"A model to send one real request to after the deploy."},"backup":{"type":"boolean","description":"Back up the deployed file before writing (default false)."},"backup_dir":{"$ref":"#/definitions/path","description":"Default .rmctl/backups next to this file."},"keep_backups":{"$ref":"#/definitions/amount","description":"How many backups to keep (default 10, at least 1)."},"audit_log":{"$ref":"#/definitions/path","description":"Default .rmctl/audit.jsonl next to this file."},"lock_wait":{"$ref":"#/definitions/amount","description":"Seconds to wait for another deploy's lock (default 0)."}}}},"definitions":{"path":{"type":"string","minLength":1},"text":{"type":"string","minLength":1},"url":{"type":"string","pattern":"^https?://"},"amount":{"type":"number","minimum":0}}};
const schema12 = {"type":"string","minLength":1};
const schema16 = {"type":"string","minLength":1};
const schema17 = {"type":"string","pattern":"^https?://"};
const schema19 = {"type":"number","minimum":0};
const func2 = Object.prototype.hasOwnProperty;
const func3 = require("ajv/dist/runtime/ucs2length").default;
const pattern0 = new RegExp("^https?://", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://rainymodel.dev/schemas/rmctl-settings.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.deploy !== undefined){
let data0 = data.deploy;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key0 in data0){
if(!(func2.call(schema11.properties.deploy.properties, key0))){
const err0 = {instancePath:instancePath+"/deploy",schemaPath:"#/properties/deploy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.deploy,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data0.providers !== undefined){
let data1 = data0.providers;
if(typeof data1 === "string"){
if(func3(data1) < 1){
const err1 = {instancePath:instancePath+"/deploy/providers",schemaPath:"#/definitions/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/deploy/providers",schemaPath:"#/definitions/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.mappings !== undefined){
let data2 = data0.mappings;
if(typeof data2 === "string"){
if(func3(data2) < 1){
const err3 = {instancePath:instancePath+"/deploy/mappings",schemaPath:"#/definitions/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/deploy/mappings",schemaPath:"#/definitions/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data0.compiled !== undefined){
let data3 = data0.compiled;
if(typeof data3 === "string"){
if(func3(data3) < 1){
const err5 = {instancePath:instancePath+"/deploy/compiled",schemaPath:"#/definitions/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/deploy/compiled",schemaPath:"#/definitions/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data0.target !== undefined){
let data4 = data0.target;
if(typeof data4 === "string"){
if(func3(data4) < 1){
const err7 = {instancePath:instancePath+"/deploy/target",schemaPath:"#/definitions/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/deploy/target",schemaPath:"#/definitions/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data0.service !== undefined){
let data5 = data0.service;
if(typeof data5 === "string"){
if(func3(data5) < 1){
const err9 = {instancePath:instancePath+"/deploy/service",schemaPath:"#/definitions/text/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/deploy/service",schemaPath:"#/definitions/text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data0.scope !== undefined){
let data6 = data0.scope;
if(!((data6 === "user") || (data6 === "system"))){
const err11 = {instancePath:instancePath+"/deploy/scope",schemaPath:"#/properties/deploy/properties/scope/enum",keyword:"enum",params:{allowedValues: schema11.properties.deploy.properties.scope.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.deploy.properties.scope.enum,parentSchema:schema11.properties.deploy.properties.scope,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data0.mode !== undefined){
let data7 = data0.mode;
if(!((data7 === "restart") || (data7 === "reload"))){
const err12 = {instancePath:instancePath+"/deploy/mode",schemaPath:"#/properties/deploy/properties/mode/enum",keyword:"enum",params:{allowedValues: schema11.properties.deploy.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.deploy.properties.mode.enum,parentSchema:schema11.properties.deploy.properties.mode,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data0.base_url !== undefined){
let data8 = data0.base_url;
if(typeof data8 === "string"){
if(!pattern0.test(data8)){
const err13 = {instancePath:instancePath+"/deploy/base_url",schemaPath:"#/definitions/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema17,data:data8};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/deploy/base_url",schemaPath:"#/definitions/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data8};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data0.health_url !== undefined){
let data9 = data0.health_url;
if(typeof data9 === "string"){
if(!pattern0.test(data9)){
const err15 = {instancePath:instancePath+"/deploy/health_url",schemaPath:"#/definitions/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema17,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/deploy/health_url",schemaPath:"#/definitions/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data9};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data0.timeout !== undefined){
let data10 = data0.timeout;
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err17 = {instancePath:instancePath+"/deploy/timeout",schemaPath:"#/definitions/amount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema19,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/deploy/timeout",schemaPath:"#/definitions/amount/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema19.type,parentSchema:schema19,data:data10};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data0.canary !== undefined){
let data11 = data0.canary;
if(typeof data11 === "string"){
if(func3(data11) < 1){
const err19 = {instancePath:instancePath+"/deploy/canary",schemaPath:"#/definitions/text/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/deploy/canary",schemaPath:"#/definitions/text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data11};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data0.backup !== undefined){
let data12 = data0.backup;
if(typeof data12 !== "boolean"){
const err21 = {instancePath:instancePath+"/deploy/backup",schemaPath:"#/properties/deploy/properties/backup/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.deploy.properties.backup.type,parentSchema:schema11.properties.deploy.properties.backup,data:data12};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data0.backup_dir !== undefined){
let data13 = data0.backup_dir;
if(typeof data13 === "string"){
if(func3(data13) < 1){
const err22 = {instancePath:instancePath+"/deploy/backup_dir",schemaPath:"#/definitions/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12,data:data13};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/deploy/backup_dir",schemaPath:"#/definitions/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data13};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data0.keep_backups !== undefined){
let data14 = data0.keep_backups;
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 0 || isNaN(data14)){
const err24 = {instancePath:instancePath+"/deploy/keep_backups",schemaPath:"#/definitions/amount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema19,data:data14};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/deploy/keep_backups",schemaPath:"#/definitions/amount/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema19.type,parentSchema:schema19,data:data14};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data0.audit_log !== undefined){
let data15 = data0.audit_log;
if(typeof data15 === "string"){
if(func3(data15) < 1){
const err26 = {instancePath:instancePath+"/deploy/audit_log",schemaPath:"#/definitions/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12,data:data15};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/deploy/audit_log",schemaPath:"#/definitions/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data15};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data0.lock_wait !== undefined){
let data16 = data0.lock_wait;
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 0 || isNaN(data16)){
const err28 = {instancePath:instancePath+"/deploy/lock_wait",schemaPath:"#/definitions/amount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema19,data:data16};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/deploy/lock_wait",schemaPath:"#/definitions/amount/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema19.type,parentSchema:schema19,data:data16};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/deploy",schemaPath:"#/properties/deploy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.deploy.type,parentSchema:schema11.properties.deploy,data:data0};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

