// Generated from schemas/model-mappings.schema.json by ajv's standalone code generation (src/shared/schema-codegen.ts). Do not edit: run `npm run gen:validators`.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://rainymodel.dev/schemas/model-mappings.schema.json","title":"RainyModel routing map (mappings/model-mappings.yaml)","description":"Client-facing names and how they route: exact matches, patterns, capabilities, load balancing, fallback chains, RainyModel aliases and policies, router and server settings.","type":"object","additionalProperties":false,"properties":{"aliases":{"type":"object","description":"Client-facing names (such as rainymodel/auto) -> ordered deployments across tiers.","additionalProperties":{"$ref":"#/definitions/alias"}},"exact_matches":{"type":["object","null"],"additionalProperties":{"$ref":"#/definitions/exactMatch"}},"patterns":{"type":["array","null"],"items":{"$ref":"#/definitions/pattern"}},"capabilities":{"type":["object","null"],"additionalProperties":{"$ref":"#/definitions/capability"}},"load_balancing":{"type":["object","null"],"properties":{"enabled":{"type":"boolean"},"strategies":{"type":"object","description":"Documentation of strategies; has no effect."},"redundant_models":{"type":"object","additionalProperties":{"$ref":"#/definitions/lbGroup"}}},"additionalProperties":{"$ref":"#/definitions/lbGroup"}},"fallback_chains":{"type":["object","null"],"additionalProperties":{"$ref":"#/definitions/fallbackChain"}},"policies":{"type":"object","description":"Policy name -> tiers in the order they are tried (X-RainyModel-Policy). Tiers left out are never used by that policy.","propertyNames":{"pattern":"^[a-z][a-z0-9_-]*$"},"additionalProperties":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/tier"}}},"default_policy":{"type":"string","minLength":1},"router":{"$ref":"#/definitions/router"},"server":{"$ref":"#/definitions/server"},"cache":{"$ref":"#/definitions/cache"},"fleet":{"$ref":"#/definitions/fleet"},"routing_rules":{"type":"object","description":"Legacy; not supported: reported as having no effect."},"special_cases":{"type":"object","description":"Legacy; not supported: reported as having no effect."},"metadata":{"type":"object","description":"Free-form documentation; has no effect."},"notes":{"type":"string","description":"Free-form documentation; has no effect."}},"definitions":{"tier":{"enum":["free","internal","direct","premium"]},"seconds":{"type":"number","exclusiveMinimum":0},"strategy":{"type":"string","minLength":1},"deployment":{"type":"object","required":["provider"],"additionalProperties":false,"properties":{"provider":{"type":"string","minLength":1},"model":{"type":"string","minLength":1,"description":"The provider's model; default: the alias/group name."},"weight":{"type":"number"},"tier":{"$ref":"#/definitions/tier","description":"Overrides the provider's tier for this deployment."},"rpm":{"type":"integer","minimum":1},"tpm":{"type":"integer","minimum":1},"timeout":{"$ref":"#/definitions/seconds"}}},"alias":{"type":"object","required":["deployments"],"additionalProperties":false,"properties":{"description":{"type":"string"},"deployments":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/deployment"}},"fallbacks":{"type":"array","items":{"type":"string","minLength":1}},"routing_strategy":{"$ref":"#/definitions/strategy"}}},"exactMatch":{"type":"object","required":["provider"],"additionalProperties":false,"properties":{"provider":{"type":"string","minLength":1},"priority":{"enum":["primary","secondary","tertiary"]},"fallback":{"type":["string","null"],"description":"A model group, or a provider serving the same model."},"description":{"type":"string"},"backend_model":{"type":"string","minLength":1},"weight":{"type":"number"},"tier":{"$ref":"#/definitions/tier"}}},"pattern":{"type":"object","required":["pattern","provider"],"additionalProperties":false,"properties":{"pattern":{"type":"string","minLength":1},"provider":{"type":"string","minLength":1},"fallback":{"type":["string","null"]},"description":{"type":"string"}}},"capability":{"type":"object","additionalProperties":false,"properties":{"description":{"type":"string"},"preferred_models":{"type":"array","items":{"type":"string","minLength":1}},"provider":{"type":"string","minLength":1},"providers":{"type":"array","items":{"type":"string","minLength":1}},"fallback":{"type":["string","null"]},"routing_strategy":{"$ref":"#/definitions/strategy"},"min_model_size":{"type":["string","number"]},"min_context":{"type":"integer"},"complexity_thresholds":{"type":"object"},"context_thresholds":{"type":"object"},"notes":{"type":"string"}}},"lbGroup":{"type":"object","required":["providers"],"additionalProperties":false,"properties":{"providers":{"type":"array","minItems":1,"items":{"type":"object","required":["provider"],"additionalProperties":false,"properties":{"provider":{"type":"string","minLength":1},"weight":{"type":"number"},"model":{"type":"string","minLength":1},"preferred_model":{"type":"string","minLength":1},"condition":{"type":"string"}}}},"strategy":{"$ref":"#/definitions/strategy"},"description":{"type":"string"},"parameters":{"type":"object"}}},"fallbackChain":{"type":"object","required":["chain"],"additionalProperties":false,"properties":{"description":{"type":"string"},"chain":{"type":["array","null"],"items":{"type":["string","object"],"minLength":1,"minProperties":1,"properties":{"primary":{"type":"string"},"secondary":{"type":"string"},"tertiary":{"type":"string"},"quaternary":{"type":"string"},"model":{"type":"string"},"provider":{"type":"string"},"condition":{"type":"string"},"preferred_model":{"type":"string"}},"additionalProperties":false}},"tier":{"type":"string"},"notes":{"type":"string"},"retry_attempts":{"type":"integer","minimum":0},"retry_delay_ms":{"type":"integer","minimum":0}}},"router":{"type":"object","additionalProperties":false,"properties":{"routing_strategy":{"$ref":"#/definitions/strategy"},"num_retries":{"type":"integer","minimum":0},"retry_after":{"type":"number","minimum":0},"timeout":{"$ref":"#/definitions/seconds"},"stream_timeout":{"$ref":"#/definitions/seconds"},"allowed_fails":{"type":"integer","minimum":0},"cooldown_time":{"type":"number","minimum":0},"disable_cooldowns":{"type":"boolean"},"max_fallbacks":{"type":"integer","minimum":0},"enable_pre_call_checks":{"type":"boolean"},"redis_host":{"type":"string","minLength":1},"redis_port":{"type":["integer","string"]},"redis_password":{"type":"string"},"redis_db":{"type":["integer","string"]}}},"server":{"type":"object","additionalProperties":false,"properties":{"master_key":{"type":"string","minLength":1,"description":"os.environ/VAR or ${VAR}: never the key itself."},"keys":{"type":"array","items":{"type":"string","minLength":1},"description":"Further accepted client keys, as os.environ/VAR references (rotation)."},"max_request_size_mb":{"type":"number","exclusiveMinimum":0},"cors_origins":{"type":"array","items":{"type":"string","minLength":1}},"rate_limit":{"type":"object","additionalProperties":false,"properties":{"rpm":{"type":"integer","minimum":1},"tpm":{"type":"integer","minimum":1}}}}},"fleet":{"type":"object","additionalProperties":false,"description":"Fleet mode of rmctl serve (replicas sharing state through router.redis_*): Redis key namespace, per-command timeout on the request path, background sync interval. Compiled into rainymodel.fleet.","properties":{"namespace":{"type":"string","minLength":1,"pattern":"^[A-Za-z0-9_.-]+$"},"redis_timeout_ms":{"type":"number","exclusiveMinimum":0},"sync_interval_ms":{"type":"number","minimum":10}}},"cache":{"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"enum":["local","redis"]},"ttl":{"type":"number","exclusiveMinimum":0},"namespace":{"type":"string","minLength":1},"host":{"type":"string"},"port":{"type":["integer","string"]},"password":{"type":"string"}}}}};
const schema19 = {"type":"object","required":["pattern","provider"],"additionalProperties":false,"properties":{"pattern":{"type":"string","minLength":1},"provider":{"type":"string","minLength":1},"fallback":{"type":["string","null"]},"description":{"type":"string"}}};
const schema24 = {"type":"object","required":["chain"],"additionalProperties":false,"properties":{"description":{"type":"string"},"chain":{"type":["array","null"],"items":{"type":["string","object"],"minLength":1,"minProperties":1,"properties":{"primary":{"type":"string"},"secondary":{"type":"string"},"tertiary":{"type":"string"},"quaternary":{"type":"string"},"model":{"type":"string"},"provider":{"type":"string"},"condition":{"type":"string"},"preferred_model":{"type":"string"}},"additionalProperties":false}},"tier":{"type":"string"},"notes":{"type":"string"},"retry_attempts":{"type":"integer","minimum":0},"retry_delay_ms":{"type":"integer","minimum":0}}};
const schema14 = {"enum":["free","internal","direct","premium"]};
const schema30 = {"type":"object","additionalProperties":false,"properties":{"master_key":{"type":"string","minLength":1,"description":"os.environ/VAR or ${VAR}: never the key itself."},"keys":{"type":"array","items":{"type":"string","minLength":1},"description":"Further accepted client keys, as os.environ/VAR references (rotation)."},"max_request_size_mb":{"type":"number","exclusiveMinimum":0},"cors_origins":{"type":"array","items":{"type":"string","minLength":1}},"rate_limit":{"type":"object","additionalProperties":false,"properties":{"rpm":{"type":"integer","minimum":1},"tpm":{"type":"integer","minimum":1}}}}};
const schema31 = {"type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"enum":["local","redis"]},"ttl":{"type":"number","exclusiveMinimum":0},"namespace":{"type":"string","minLength":1},"host":{"type":"string"},"port":{"type":["integer","string"]},"password":{"type":"string"}}};
const schema32 = {"type":"object","additionalProperties":false,"description":"Fleet mode of rmctl serve (replicas sharing state through router.redis_*): Redis key namespace, per-command timeout on the request path, background sync interval. Compiled into rainymodel.fleet.","properties":{"namespace":{"type":"string","minLength":1,"pattern":"^[A-Za-z0-9_.-]+$"},"redis_timeout_ms":{"type":"number","exclusiveMinimum":0},"sync_interval_ms":{"type":"number","minimum":10}}};
const func2 = Object.prototype.hasOwnProperty;
const func3 = require("ajv/dist/runtime/ucs2length").default;
const func0 = require("ajv/dist/runtime/equal").default;
const schema12 = {"type":"object","required":["deployments"],"additionalProperties":false,"properties":{"description":{"type":"string"},"deployments":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/deployment"}},"fallbacks":{"type":"array","items":{"type":"string","minLength":1}},"routing_strategy":{"$ref":"#/definitions/strategy"}}};
const schema16 = {"type":"string","minLength":1};
const schema13 = {"type":"object","required":["provider"],"additionalProperties":false,"properties":{"provider":{"type":"string","minLength":1},"model":{"type":"string","minLength":1,"description":"The provider's model; default: the alias/group name."},"weight":{"type":"number"},"tier":{"$ref":"#/definitions/tier","description":"Overrides the provider's tier for this deployment."},"rpm":{"type":"integer","minimum":1},"tpm":{"type":"integer","minimum":1},"timeout":{"$ref":"#/definitions/seconds"}}};
const schema15 = {"type":"number","exclusiveMinimum":0};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.provider === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "provider") || (key0 === "model")) || (key0 === "weight")) || (key0 === "tier")) || (key0 === "rpm")) || (key0 === "tpm")) || (key0 === "timeout"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.provider !== undefined){
let data0 = data.provider;
if(typeof data0 === "string"){
if(func3(data0) < 1){
const err2 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.provider,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.provider.type,parentSchema:schema13.properties.provider,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.model !== undefined){
let data1 = data.model;
if(typeof data1 === "string"){
if(func3(data1) < 1){
const err4 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.model,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.model.type,parentSchema:schema13.properties.model,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.weight !== undefined){
let data2 = data.weight;
if(!((typeof data2 == "number") && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/weight",schemaPath:"#/properties/weight/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema13.properties.weight.type,parentSchema:schema13.properties.weight,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.tier !== undefined){
let data3 = data.tier;
if(!((((data3 === "free") || (data3 === "internal")) || (data3 === "direct")) || (data3 === "premium"))){
const err7 = {instancePath:instancePath+"/tier",schemaPath:"#/definitions/tier/enum",keyword:"enum",params:{allowedValues: schema14.enum},message:"must be equal to one of the allowed values",schema:schema14.enum,parentSchema:schema14,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.rpm !== undefined){
let data4 = data.rpm;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err8 = {instancePath:instancePath+"/rpm",schemaPath:"#/properties/rpm/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.properties.rpm.type,parentSchema:schema13.properties.rpm,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 1 || isNaN(data4)){
const err9 = {instancePath:instancePath+"/rpm",schemaPath:"#/properties/rpm/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema13.properties.rpm,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.tpm !== undefined){
let data5 = data.tpm;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err10 = {instancePath:instancePath+"/tpm",schemaPath:"#/properties/tpm/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.properties.tpm.type,parentSchema:schema13.properties.tpm,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 1 || isNaN(data5)){
const err11 = {instancePath:instancePath+"/tpm",schemaPath:"#/properties/tpm/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema13.properties.tpm,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.timeout !== undefined){
let data6 = data.timeout;
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 <= 0 || isNaN(data6)){
const err12 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema15,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.type,parentSchema:schema15,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.deployments === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "deployments"},message:"must have required property '"+"deployments"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "description") || (key0 === "deployments")) || (key0 === "fallbacks")) || (key0 === "routing_strategy"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.description !== undefined){
let data0 = data.description;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.description.type,parentSchema:schema12.properties.description,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.deployments !== undefined){
let data1 = data.deployments;
if(Array.isArray(data1)){
if(data1.length < 1){
const err3 = {instancePath:instancePath+"/deployments",schemaPath:"#/properties/deployments/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.deployments,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(!(validate12(data1[i0], {instancePath:instancePath+"/deployments/" + i0,parentData:data1,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
}
else {
const err4 = {instancePath:instancePath+"/deployments",schemaPath:"#/properties/deployments/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.deployments.type,parentSchema:schema12.properties.deployments,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.fallbacks !== undefined){
let data3 = data.fallbacks;
if(Array.isArray(data3)){
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
let data4 = data3[i1];
if(typeof data4 === "string"){
if(func3(data4) < 1){
const err5 = {instancePath:instancePath+"/fallbacks/" + i1,schemaPath:"#/properties/fallbacks/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.fallbacks.items,data:data4};
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
const err6 = {instancePath:instancePath+"/fallbacks/" + i1,schemaPath:"#/properties/fallbacks/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.fallbacks.items.type,parentSchema:schema12.properties.fallbacks.items,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/fallbacks",schemaPath:"#/properties/fallbacks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.fallbacks.type,parentSchema:schema12.properties.fallbacks,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.routing_strategy !== undefined){
let data5 = data.routing_strategy;
if(typeof data5 === "string"){
if(func3(data5) < 1){
const err8 = {instancePath:instancePath+"/routing_strategy",schemaPath:"#/definitions/strategy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/routing_strategy",schemaPath:"#/definitions/strategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const schema17 = {"type":"object","required":["provider"],"additionalProperties":false,"properties":{"provider":{"type":"string","minLength":1},"priority":{"enum":["primary","secondary","tertiary"]},"fallback":{"type":["string","null"],"description":"A model group, or a provider serving the same model."},"description":{"type":"string"},"backend_model":{"type":"string","minLength":1},"weight":{"type":"number"},"tier":{"$ref":"#/definitions/tier"}}};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.provider === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:schema17.required,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "provider") || (key0 === "priority")) || (key0 === "fallback")) || (key0 === "description")) || (key0 === "backend_model")) || (key0 === "weight")) || (key0 === "tier"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.provider !== undefined){
let data0 = data.provider;
if(typeof data0 === "string"){
if(func3(data0) < 1){
const err2 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.provider,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.provider.type,parentSchema:schema17.properties.provider,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.priority !== undefined){
let data1 = data.priority;
if(!(((data1 === "primary") || (data1 === "secondary")) || (data1 === "tertiary"))){
const err4 = {instancePath:instancePath+"/priority",schemaPath:"#/properties/priority/enum",keyword:"enum",params:{allowedValues: schema17.properties.priority.enum},message:"must be equal to one of the allowed values",schema:schema17.properties.priority.enum,parentSchema:schema17.properties.priority,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.fallback !== undefined){
let data2 = data.fallback;
if((typeof data2 !== "string") && (data2 !== null)){
const err5 = {instancePath:instancePath+"/fallback",schemaPath:"#/properties/fallback/type",keyword:"type",params:{type: schema17.properties.fallback.type},message:"must be string,null",schema:schema17.properties.fallback.type,parentSchema:schema17.properties.fallback,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 !== "string"){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.description.type,parentSchema:schema17.properties.description,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.backend_model !== undefined){
let data4 = data.backend_model;
if(typeof data4 === "string"){
if(func3(data4) < 1){
const err7 = {instancePath:instancePath+"/backend_model",schemaPath:"#/properties/backend_model/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.backend_model,data:data4};
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
const err8 = {instancePath:instancePath+"/backend_model",schemaPath:"#/properties/backend_model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.backend_model.type,parentSchema:schema17.properties.backend_model,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.weight !== undefined){
let data5 = data.weight;
if(!((typeof data5 == "number") && (isFinite(data5)))){
const err9 = {instancePath:instancePath+"/weight",schemaPath:"#/properties/weight/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema17.properties.weight.type,parentSchema:schema17.properties.weight,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.tier !== undefined){
let data6 = data.tier;
if(!((((data6 === "free") || (data6 === "internal")) || (data6 === "direct")) || (data6 === "premium"))){
const err10 = {instancePath:instancePath+"/tier",schemaPath:"#/definitions/tier/enum",keyword:"enum",params:{allowedValues: schema14.enum},message:"must be equal to one of the allowed values",schema:schema14.enum,parentSchema:schema14,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate15.errors = vErrors;
return errors === 0;
}

const schema20 = {"type":"object","additionalProperties":false,"properties":{"description":{"type":"string"},"preferred_models":{"type":"array","items":{"type":"string","minLength":1}},"provider":{"type":"string","minLength":1},"providers":{"type":"array","items":{"type":"string","minLength":1}},"fallback":{"type":["string","null"]},"routing_strategy":{"$ref":"#/definitions/strategy"},"min_model_size":{"type":["string","number"]},"min_context":{"type":"integer"},"complexity_thresholds":{"type":"object"},"context_thresholds":{"type":"object"},"notes":{"type":"string"}}};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema20.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.description !== undefined){
let data0 = data.description;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.description.type,parentSchema:schema20.properties.description,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.preferred_models !== undefined){
let data1 = data.preferred_models;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(typeof data2 === "string"){
if(func3(data2) < 1){
const err2 = {instancePath:instancePath+"/preferred_models/" + i0,schemaPath:"#/properties/preferred_models/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.preferred_models.items,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/preferred_models/" + i0,schemaPath:"#/properties/preferred_models/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.preferred_models.items.type,parentSchema:schema20.properties.preferred_models.items,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/preferred_models",schemaPath:"#/properties/preferred_models/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema20.properties.preferred_models.type,parentSchema:schema20.properties.preferred_models,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.provider !== undefined){
let data3 = data.provider;
if(typeof data3 === "string"){
if(func3(data3) < 1){
const err5 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.provider,data:data3};
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
const err6 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.provider.type,parentSchema:schema20.properties.provider,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.providers !== undefined){
let data4 = data.providers;
if(Array.isArray(data4)){
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
if(typeof data5 === "string"){
if(func3(data5) < 1){
const err7 = {instancePath:instancePath+"/providers/" + i1,schemaPath:"#/properties/providers/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.providers.items,data:data5};
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
const err8 = {instancePath:instancePath+"/providers/" + i1,schemaPath:"#/properties/providers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.providers.items.type,parentSchema:schema20.properties.providers.items,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/providers",schemaPath:"#/properties/providers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema20.properties.providers.type,parentSchema:schema20.properties.providers,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.fallback !== undefined){
let data6 = data.fallback;
if((typeof data6 !== "string") && (data6 !== null)){
const err10 = {instancePath:instancePath+"/fallback",schemaPath:"#/properties/fallback/type",keyword:"type",params:{type: schema20.properties.fallback.type},message:"must be string,null",schema:schema20.properties.fallback.type,parentSchema:schema20.properties.fallback,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.routing_strategy !== undefined){
let data7 = data.routing_strategy;
if(typeof data7 === "string"){
if(func3(data7) < 1){
const err11 = {instancePath:instancePath+"/routing_strategy",schemaPath:"#/definitions/strategy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data7};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/routing_strategy",schemaPath:"#/definitions/strategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.min_model_size !== undefined){
let data8 = data.min_model_size;
if((typeof data8 !== "string") && (!((typeof data8 == "number") && (isFinite(data8))))){
const err13 = {instancePath:instancePath+"/min_model_size",schemaPath:"#/properties/min_model_size/type",keyword:"type",params:{type: schema20.properties.min_model_size.type},message:"must be string,number",schema:schema20.properties.min_model_size.type,parentSchema:schema20.properties.min_model_size,data:data8};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.min_context !== undefined){
let data9 = data.min_context;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err14 = {instancePath:instancePath+"/min_context",schemaPath:"#/properties/min_context/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.properties.min_context.type,parentSchema:schema20.properties.min_context,data:data9};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.complexity_thresholds !== undefined){
let data10 = data.complexity_thresholds;
if(!(data10 && typeof data10 == "object" && !Array.isArray(data10))){
const err15 = {instancePath:instancePath+"/complexity_thresholds",schemaPath:"#/properties/complexity_thresholds/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.properties.complexity_thresholds.type,parentSchema:schema20.properties.complexity_thresholds,data:data10};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.context_thresholds !== undefined){
let data11 = data.context_thresholds;
if(!(data11 && typeof data11 == "object" && !Array.isArray(data11))){
const err16 = {instancePath:instancePath+"/context_thresholds",schemaPath:"#/properties/context_thresholds/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.properties.context_thresholds.type,parentSchema:schema20.properties.context_thresholds,data:data11};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.notes !== undefined){
let data12 = data.notes;
if(typeof data12 !== "string"){
const err17 = {instancePath:instancePath+"/notes",schemaPath:"#/properties/notes/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.notes.type,parentSchema:schema20.properties.notes,data:data12};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.type,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}

const schema22 = {"type":"object","required":["providers"],"additionalProperties":false,"properties":{"providers":{"type":"array","minItems":1,"items":{"type":"object","required":["provider"],"additionalProperties":false,"properties":{"provider":{"type":"string","minLength":1},"weight":{"type":"number"},"model":{"type":"string","minLength":1},"preferred_model":{"type":"string","minLength":1},"condition":{"type":"string"}}}},"strategy":{"$ref":"#/definitions/strategy"},"description":{"type":"string"},"parameters":{"type":"object"}}};

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.providers === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "providers"},message:"must have required property '"+"providers"+"'",schema:schema22.required,parentSchema:schema22,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "providers") || (key0 === "strategy")) || (key0 === "description")) || (key0 === "parameters"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema22,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.providers !== undefined){
let data0 = data.providers;
if(Array.isArray(data0)){
if(data0.length < 1){
const err2 = {instancePath:instancePath+"/providers",schemaPath:"#/properties/providers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema22.properties.providers,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.provider === undefined){
const err3 = {instancePath:instancePath+"/providers/" + i0,schemaPath:"#/properties/providers/items/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:schema22.properties.providers.items.required,parentSchema:schema22.properties.providers.items,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key1 in data1){
if(!(((((key1 === "provider") || (key1 === "weight")) || (key1 === "model")) || (key1 === "preferred_model")) || (key1 === "condition"))){
const err4 = {instancePath:instancePath+"/providers/" + i0,schemaPath:"#/properties/providers/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema22.properties.providers.items,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data1.provider !== undefined){
let data2 = data1.provider;
if(typeof data2 === "string"){
if(func3(data2) < 1){
const err5 = {instancePath:instancePath+"/providers/" + i0+"/provider",schemaPath:"#/properties/providers/items/properties/provider/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.providers.items.properties.provider,data:data2};
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
const err6 = {instancePath:instancePath+"/providers/" + i0+"/provider",schemaPath:"#/properties/providers/items/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.providers.items.properties.provider.type,parentSchema:schema22.properties.providers.items.properties.provider,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data1.weight !== undefined){
let data3 = data1.weight;
if(!((typeof data3 == "number") && (isFinite(data3)))){
const err7 = {instancePath:instancePath+"/providers/" + i0+"/weight",schemaPath:"#/properties/providers/items/properties/weight/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema22.properties.providers.items.properties.weight.type,parentSchema:schema22.properties.providers.items.properties.weight,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data1.model !== undefined){
let data4 = data1.model;
if(typeof data4 === "string"){
if(func3(data4) < 1){
const err8 = {instancePath:instancePath+"/providers/" + i0+"/model",schemaPath:"#/properties/providers/items/properties/model/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.providers.items.properties.model,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/providers/" + i0+"/model",schemaPath:"#/properties/providers/items/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.providers.items.properties.model.type,parentSchema:schema22.properties.providers.items.properties.model,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data1.preferred_model !== undefined){
let data5 = data1.preferred_model;
if(typeof data5 === "string"){
if(func3(data5) < 1){
const err10 = {instancePath:instancePath+"/providers/" + i0+"/preferred_model",schemaPath:"#/properties/providers/items/properties/preferred_model/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.providers.items.properties.preferred_model,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/providers/" + i0+"/preferred_model",schemaPath:"#/properties/providers/items/properties/preferred_model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.providers.items.properties.preferred_model.type,parentSchema:schema22.properties.providers.items.properties.preferred_model,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data1.condition !== undefined){
let data6 = data1.condition;
if(typeof data6 !== "string"){
const err12 = {instancePath:instancePath+"/providers/" + i0+"/condition",schemaPath:"#/properties/providers/items/properties/condition/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.providers.items.properties.condition.type,parentSchema:schema22.properties.providers.items.properties.condition,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/providers/" + i0,schemaPath:"#/properties/providers/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.properties.providers.items.type,parentSchema:schema22.properties.providers.items,data:data1};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/providers",schemaPath:"#/properties/providers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.providers.type,parentSchema:schema22.properties.providers,data:data0};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.strategy !== undefined){
let data7 = data.strategy;
if(typeof data7 === "string"){
if(func3(data7) < 1){
const err15 = {instancePath:instancePath+"/strategy",schemaPath:"#/definitions/strategy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data7};
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
const err16 = {instancePath:instancePath+"/strategy",schemaPath:"#/definitions/strategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.description !== undefined){
let data8 = data.description;
if(typeof data8 !== "string"){
const err17 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.description.type,parentSchema:schema22.properties.description,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.parameters !== undefined){
let data9 = data.parameters;
if(!(data9 && typeof data9 == "object" && !Array.isArray(data9))){
const err18 = {instancePath:instancePath+"/parameters",schemaPath:"#/properties/parameters/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.properties.parameters.type,parentSchema:schema22.properties.parameters,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate19.errors = vErrors;
return errors === 0;
}

const schema26 = {"type":"object","additionalProperties":false,"properties":{"routing_strategy":{"$ref":"#/definitions/strategy"},"num_retries":{"type":"integer","minimum":0},"retry_after":{"type":"number","minimum":0},"timeout":{"$ref":"#/definitions/seconds"},"stream_timeout":{"$ref":"#/definitions/seconds"},"allowed_fails":{"type":"integer","minimum":0},"cooldown_time":{"type":"number","minimum":0},"disable_cooldowns":{"type":"boolean"},"max_fallbacks":{"type":"integer","minimum":0},"enable_pre_call_checks":{"type":"boolean"},"redis_host":{"type":"string","minLength":1},"redis_port":{"type":["integer","string"]},"redis_password":{"type":"string"},"redis_db":{"type":["integer","string"]}}};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema26.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.routing_strategy !== undefined){
let data0 = data.routing_strategy;
if(typeof data0 === "string"){
if(func3(data0) < 1){
const err1 = {instancePath:instancePath+"/routing_strategy",schemaPath:"#/definitions/strategy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data0};
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
const err2 = {instancePath:instancePath+"/routing_strategy",schemaPath:"#/definitions/strategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.num_retries !== undefined){
let data1 = data.num_retries;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err3 = {instancePath:instancePath+"/num_retries",schemaPath:"#/properties/num_retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.num_retries.type,parentSchema:schema26.properties.num_retries,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/num_retries",schemaPath:"#/properties/num_retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.num_retries,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
if(data.retry_after !== undefined){
let data2 = data.retry_after;
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err5 = {instancePath:instancePath+"/retry_after",schemaPath:"#/properties/retry_after/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.retry_after,data:data2};
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
const err6 = {instancePath:instancePath+"/retry_after",schemaPath:"#/properties/retry_after/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema26.properties.retry_after.type,parentSchema:schema26.properties.retry_after,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.timeout !== undefined){
let data3 = data.timeout;
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 <= 0 || isNaN(data3)){
const err7 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema15,data:data3};
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
const err8 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.type,parentSchema:schema15,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.stream_timeout !== undefined){
let data4 = data.stream_timeout;
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 <= 0 || isNaN(data4)){
const err9 = {instancePath:instancePath+"/stream_timeout",schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema15,data:data4};
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
const err10 = {instancePath:instancePath+"/stream_timeout",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.type,parentSchema:schema15,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.allowed_fails !== undefined){
let data5 = data.allowed_fails;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err11 = {instancePath:instancePath+"/allowed_fails",schemaPath:"#/properties/allowed_fails/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.allowed_fails.type,parentSchema:schema26.properties.allowed_fails,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err12 = {instancePath:instancePath+"/allowed_fails",schemaPath:"#/properties/allowed_fails/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.allowed_fails,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.cooldown_time !== undefined){
let data6 = data.cooldown_time;
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err13 = {instancePath:instancePath+"/cooldown_time",schemaPath:"#/properties/cooldown_time/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.cooldown_time,data:data6};
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
const err14 = {instancePath:instancePath+"/cooldown_time",schemaPath:"#/properties/cooldown_time/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema26.properties.cooldown_time.type,parentSchema:schema26.properties.cooldown_time,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.disable_cooldowns !== undefined){
let data7 = data.disable_cooldowns;
if(typeof data7 !== "boolean"){
const err15 = {instancePath:instancePath+"/disable_cooldowns",schemaPath:"#/properties/disable_cooldowns/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema26.properties.disable_cooldowns.type,parentSchema:schema26.properties.disable_cooldowns,data:data7};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.max_fallbacks !== undefined){
let data8 = data.max_fallbacks;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err16 = {instancePath:instancePath+"/max_fallbacks",schemaPath:"#/properties/max_fallbacks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.max_fallbacks.type,parentSchema:schema26.properties.max_fallbacks,data:data8};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err17 = {instancePath:instancePath+"/max_fallbacks",schemaPath:"#/properties/max_fallbacks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.max_fallbacks,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
if(data.enable_pre_call_checks !== undefined){
let data9 = data.enable_pre_call_checks;
if(typeof data9 !== "boolean"){
const err18 = {instancePath:instancePath+"/enable_pre_call_checks",schemaPath:"#/properties/enable_pre_call_checks/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema26.properties.enable_pre_call_checks.type,parentSchema:schema26.properties.enable_pre_call_checks,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.redis_host !== undefined){
let data10 = data.redis_host;
if(typeof data10 === "string"){
if(func3(data10) < 1){
const err19 = {instancePath:instancePath+"/redis_host",schemaPath:"#/properties/redis_host/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema26.properties.redis_host,data:data10};
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
const err20 = {instancePath:instancePath+"/redis_host",schemaPath:"#/properties/redis_host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.redis_host.type,parentSchema:schema26.properties.redis_host,data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.redis_port !== undefined){
let data11 = data.redis_port;
if((!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))) && (typeof data11 !== "string")){
const err21 = {instancePath:instancePath+"/redis_port",schemaPath:"#/properties/redis_port/type",keyword:"type",params:{type: schema26.properties.redis_port.type},message:"must be integer,string",schema:schema26.properties.redis_port.type,parentSchema:schema26.properties.redis_port,data:data11};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.redis_password !== undefined){
let data12 = data.redis_password;
if(typeof data12 !== "string"){
const err22 = {instancePath:instancePath+"/redis_password",schemaPath:"#/properties/redis_password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.redis_password.type,parentSchema:schema26.properties.redis_password,data:data12};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.redis_db !== undefined){
let data13 = data.redis_db;
if((!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))) && (typeof data13 !== "string")){
const err23 = {instancePath:instancePath+"/redis_db",schemaPath:"#/properties/redis_db/type",keyword:"type",params:{type: schema26.properties.redis_db.type},message:"must be integer,string",schema:schema26.properties.redis_db.type,parentSchema:schema26.properties.redis_db,data:data13};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.type,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}

const pattern0 = new RegExp("^[a-z][a-z0-9_-]*$", "u");
const pattern1 = new RegExp("^[A-Za-z0-9_.-]+$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://rainymodel.dev/schemas/model-mappings.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.aliases !== undefined){
let data0 = data.aliases;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
if(!(validate11(data0[key1], {instancePath:instancePath+"/aliases/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data0,parentDataProperty:key1,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err1 = {instancePath:instancePath+"/aliases",schemaPath:"#/properties/aliases/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.aliases.type,parentSchema:schema11.properties.aliases,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.exact_matches !== undefined){
let data2 = data.exact_matches;
if((!(data2 && typeof data2 == "object" && !Array.isArray(data2))) && (data2 !== null)){
const err2 = {instancePath:instancePath+"/exact_matches",schemaPath:"#/properties/exact_matches/type",keyword:"type",params:{type: schema11.properties.exact_matches.type},message:"must be object,null",schema:schema11.properties.exact_matches.type,parentSchema:schema11.properties.exact_matches,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key2 in data2){
if(!(validate15(data2[key2], {instancePath:instancePath+"/exact_matches/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data2,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
}
}
}
if(data.patterns !== undefined){
let data4 = data.patterns;
if((!(Array.isArray(data4))) && (data4 !== null)){
const err3 = {instancePath:instancePath+"/patterns",schemaPath:"#/properties/patterns/type",keyword:"type",params:{type: schema11.properties.patterns.type},message:"must be array,null",schema:schema11.properties.patterns.type,parentSchema:schema11.properties.patterns,data:data4};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.pattern === undefined){
const err4 = {instancePath:instancePath+"/patterns/" + i0,schemaPath:"#/definitions/pattern/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:schema19.required,parentSchema:schema19,data:data5};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data5.provider === undefined){
const err5 = {instancePath:instancePath+"/patterns/" + i0,schemaPath:"#/definitions/pattern/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'",schema:schema19.required,parentSchema:schema19,data:data5};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key3 in data5){
if(!((((key3 === "pattern") || (key3 === "provider")) || (key3 === "fallback")) || (key3 === "description"))){
const err6 = {instancePath:instancePath+"/patterns/" + i0,schemaPath:"#/definitions/pattern/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema19,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data5.pattern !== undefined){
let data6 = data5.pattern;
if(typeof data6 === "string"){
if(func3(data6) < 1){
const err7 = {instancePath:instancePath+"/patterns/" + i0+"/pattern",schemaPath:"#/definitions/pattern/properties/pattern/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema19.properties.pattern,data:data6};
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
const err8 = {instancePath:instancePath+"/patterns/" + i0+"/pattern",schemaPath:"#/definitions/pattern/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.pattern.type,parentSchema:schema19.properties.pattern,data:data6};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data5.provider !== undefined){
let data7 = data5.provider;
if(typeof data7 === "string"){
if(func3(data7) < 1){
const err9 = {instancePath:instancePath+"/patterns/" + i0+"/provider",schemaPath:"#/definitions/pattern/properties/provider/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema19.properties.provider,data:data7};
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
const err10 = {instancePath:instancePath+"/patterns/" + i0+"/provider",schemaPath:"#/definitions/pattern/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.provider.type,parentSchema:schema19.properties.provider,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data5.fallback !== undefined){
let data8 = data5.fallback;
if((typeof data8 !== "string") && (data8 !== null)){
const err11 = {instancePath:instancePath+"/patterns/" + i0+"/fallback",schemaPath:"#/definitions/pattern/properties/fallback/type",keyword:"type",params:{type: schema19.properties.fallback.type},message:"must be string,null",schema:schema19.properties.fallback.type,parentSchema:schema19.properties.fallback,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data5.description !== undefined){
let data9 = data5.description;
if(typeof data9 !== "string"){
const err12 = {instancePath:instancePath+"/patterns/" + i0+"/description",schemaPath:"#/definitions/pattern/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.description.type,parentSchema:schema19.properties.description,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/patterns/" + i0,schemaPath:"#/definitions/pattern/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.type,parentSchema:schema19,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
}
if(data.capabilities !== undefined){
let data10 = data.capabilities;
if((!(data10 && typeof data10 == "object" && !Array.isArray(data10))) && (data10 !== null)){
const err14 = {instancePath:instancePath+"/capabilities",schemaPath:"#/properties/capabilities/type",keyword:"type",params:{type: schema11.properties.capabilities.type},message:"must be object,null",schema:schema11.properties.capabilities.type,parentSchema:schema11.properties.capabilities,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key4 in data10){
if(!(validate17(data10[key4], {instancePath:instancePath+"/capabilities/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data10,parentDataProperty:key4,rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
}
}
if(data.load_balancing !== undefined){
let data12 = data.load_balancing;
if((!(data12 && typeof data12 == "object" && !Array.isArray(data12))) && (data12 !== null)){
const err15 = {instancePath:instancePath+"/load_balancing",schemaPath:"#/properties/load_balancing/type",keyword:"type",params:{type: schema11.properties.load_balancing.type},message:"must be object,null",schema:schema11.properties.load_balancing.type,parentSchema:schema11.properties.load_balancing,data:data12};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key5 in data12){
if(!(((key5 === "enabled") || (key5 === "strategies")) || (key5 === "redundant_models"))){
if(!(validate19(data12[key5], {instancePath:instancePath+"/load_balancing/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data12,parentDataProperty:key5,rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
}
}
if(data12.enabled !== undefined){
let data14 = data12.enabled;
if(typeof data14 !== "boolean"){
const err16 = {instancePath:instancePath+"/load_balancing/enabled",schemaPath:"#/properties/load_balancing/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.load_balancing.properties.enabled.type,parentSchema:schema11.properties.load_balancing.properties.enabled,data:data14};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data12.strategies !== undefined){
let data15 = data12.strategies;
if(!(data15 && typeof data15 == "object" && !Array.isArray(data15))){
const err17 = {instancePath:instancePath+"/load_balancing/strategies",schemaPath:"#/properties/load_balancing/properties/strategies/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.load_balancing.properties.strategies.type,parentSchema:schema11.properties.load_balancing.properties.strategies,data:data15};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data12.redundant_models !== undefined){
let data16 = data12.redundant_models;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
for(const key6 in data16){
if(!(validate19(data16[key6], {instancePath:instancePath+"/load_balancing/redundant_models/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data16,parentDataProperty:key6,rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
}
}
else {
const err18 = {instancePath:instancePath+"/load_balancing/redundant_models",schemaPath:"#/properties/load_balancing/properties/redundant_models/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.load_balancing.properties.redundant_models.type,parentSchema:schema11.properties.load_balancing.properties.redundant_models,data:data16};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
}
if(data.fallback_chains !== undefined){
let data18 = data.fallback_chains;
if((!(data18 && typeof data18 == "object" && !Array.isArray(data18))) && (data18 !== null)){
const err19 = {instancePath:instancePath+"/fallback_chains",schemaPath:"#/properties/fallback_chains/type",keyword:"type",params:{type: schema11.properties.fallback_chains.type},message:"must be object,null",schema:schema11.properties.fallback_chains.type,parentSchema:schema11.properties.fallback_chains,data:data18};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
for(const key7 in data18){
let data19 = data18[key7];
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.chain === undefined){
const err20 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/fallbackChain/required",keyword:"required",params:{missingProperty: "chain"},message:"must have required property '"+"chain"+"'",schema:schema24.required,parentSchema:schema24,data:data19};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key8 in data19){
if(!((((((key8 === "description") || (key8 === "chain")) || (key8 === "tier")) || (key8 === "notes")) || (key8 === "retry_attempts")) || (key8 === "retry_delay_ms"))){
const err21 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/fallbackChain/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema24,data:data19};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data19.description !== undefined){
let data20 = data19.description;
if(typeof data20 !== "string"){
const err22 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/definitions/fallbackChain/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.description.type,parentSchema:schema24.properties.description,data:data20};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data19.chain !== undefined){
let data21 = data19.chain;
if((!(Array.isArray(data21))) && (data21 !== null)){
const err23 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain",schemaPath:"#/definitions/fallbackChain/properties/chain/type",keyword:"type",params:{type: schema24.properties.chain.type},message:"must be array,null",schema:schema24.properties.chain.type,parentSchema:schema24.properties.chain,data:data21};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(Array.isArray(data21)){
const len1 = data21.length;
for(let i1=0; i1<len1; i1++){
let data22 = data21[i1];
if((typeof data22 !== "string") && (!(data22 && typeof data22 == "object" && !Array.isArray(data22)))){
const err24 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1,schemaPath:"#/definitions/fallbackChain/properties/chain/items/type",keyword:"type",params:{type: schema24.properties.chain.items.type},message:"must be string,object",schema:schema24.properties.chain.items.type,parentSchema:schema24.properties.chain.items,data:data22};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(typeof data22 === "string"){
if(func3(data22) < 1){
const err25 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1,schemaPath:"#/definitions/fallbackChain/properties/chain/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.properties.chain.items,data:data22};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
if(Object.keys(data22).length < 1){
const err26 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1,schemaPath:"#/definitions/fallbackChain/properties/chain/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema24.properties.chain.items,data:data22};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
for(const key9 in data22){
if(!((((((((key9 === "primary") || (key9 === "secondary")) || (key9 === "tertiary")) || (key9 === "quaternary")) || (key9 === "model")) || (key9 === "provider")) || (key9 === "condition")) || (key9 === "preferred_model"))){
const err27 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1,schemaPath:"#/definitions/fallbackChain/properties/chain/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema24.properties.chain.items,data:data22};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data22.primary !== undefined){
let data23 = data22.primary;
if(typeof data23 !== "string"){
const err28 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1+"/primary",schemaPath:"#/definitions/fallbackChain/properties/chain/items/properties/primary/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.chain.items.properties.primary.type,parentSchema:schema24.properties.chain.items.properties.primary,data:data23};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data22.secondary !== undefined){
let data24 = data22.secondary;
if(typeof data24 !== "string"){
const err29 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1+"/secondary",schemaPath:"#/definitions/fallbackChain/properties/chain/items/properties/secondary/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.chain.items.properties.secondary.type,parentSchema:schema24.properties.chain.items.properties.secondary,data:data24};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data22.tertiary !== undefined){
let data25 = data22.tertiary;
if(typeof data25 !== "string"){
const err30 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1+"/tertiary",schemaPath:"#/definitions/fallbackChain/properties/chain/items/properties/tertiary/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.chain.items.properties.tertiary.type,parentSchema:schema24.properties.chain.items.properties.tertiary,data:data25};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data22.quaternary !== undefined){
let data26 = data22.quaternary;
if(typeof data26 !== "string"){
const err31 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1+"/quaternary",schemaPath:"#/definitions/fallbackChain/properties/chain/items/properties/quaternary/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.chain.items.properties.quaternary.type,parentSchema:schema24.properties.chain.items.properties.quaternary,data:data26};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data22.model !== undefined){
let data27 = data22.model;
if(typeof data27 !== "string"){
const err32 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1+"/model",schemaPath:"#/definitions/fallbackChain/properties/chain/items/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.chain.items.properties.model.type,parentSchema:schema24.properties.chain.items.properties.model,data:data27};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data22.provider !== undefined){
let data28 = data22.provider;
if(typeof data28 !== "string"){
const err33 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1+"/provider",schemaPath:"#/definitions/fallbackChain/properties/chain/items/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.chain.items.properties.provider.type,parentSchema:schema24.properties.chain.items.properties.provider,data:data28};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data22.condition !== undefined){
let data29 = data22.condition;
if(typeof data29 !== "string"){
const err34 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1+"/condition",schemaPath:"#/definitions/fallbackChain/properties/chain/items/properties/condition/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.chain.items.properties.condition.type,parentSchema:schema24.properties.chain.items.properties.condition,data:data29};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data22.preferred_model !== undefined){
let data30 = data22.preferred_model;
if(typeof data30 !== "string"){
const err35 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/chain/" + i1+"/preferred_model",schemaPath:"#/definitions/fallbackChain/properties/chain/items/properties/preferred_model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.chain.items.properties.preferred_model.type,parentSchema:schema24.properties.chain.items.properties.preferred_model,data:data30};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
}
}
}
if(data19.tier !== undefined){
let data31 = data19.tier;
if(typeof data31 !== "string"){
const err36 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/tier",schemaPath:"#/definitions/fallbackChain/properties/tier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.tier.type,parentSchema:schema24.properties.tier,data:data31};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data19.notes !== undefined){
let data32 = data19.notes;
if(typeof data32 !== "string"){
const err37 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/notes",schemaPath:"#/definitions/fallbackChain/properties/notes/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.properties.notes.type,parentSchema:schema24.properties.notes,data:data32};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data19.retry_attempts !== undefined){
let data33 = data19.retry_attempts;
if(!(((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33))) && (isFinite(data33)))){
const err38 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/retry_attempts",schemaPath:"#/definitions/fallbackChain/properties/retry_attempts/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.retry_attempts.type,parentSchema:schema24.properties.retry_attempts,data:data33};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if((typeof data33 == "number") && (isFinite(data33))){
if(data33 < 0 || isNaN(data33)){
const err39 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/retry_attempts",schemaPath:"#/definitions/fallbackChain/properties/retry_attempts/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.retry_attempts,data:data33};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
if(data19.retry_delay_ms !== undefined){
let data34 = data19.retry_delay_ms;
if(!(((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34))) && (isFinite(data34)))){
const err40 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/retry_delay_ms",schemaPath:"#/definitions/fallbackChain/properties/retry_delay_ms/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.retry_delay_ms.type,parentSchema:schema24.properties.retry_delay_ms,data:data34};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if((typeof data34 == "number") && (isFinite(data34))){
if(data34 < 0 || isNaN(data34)){
const err41 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/retry_delay_ms",schemaPath:"#/definitions/fallbackChain/properties/retry_delay_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.retry_delay_ms,data:data34};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
}
else {
const err42 = {instancePath:instancePath+"/fallback_chains/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/fallbackChain/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data:data19};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
}
if(data.policies !== undefined){
let data35 = data.policies;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
for(const key10 in data35){
const _errs80 = errors;
if(typeof key10 === "string"){
if(!pattern0.test(key10)){
const err43 = {instancePath:instancePath+"/policies",schemaPath:"#/properties/policies/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]*$"+"\"",schema:"^[a-z][a-z0-9_-]*$",parentSchema:schema11.properties.policies.propertyNames,data:key10,propertyName:key10};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
var valid17 = _errs80 === errors;
if(!valid17){
const err44 = {instancePath:instancePath+"/policies",schemaPath:"#/properties/policies/propertyNames",keyword:"propertyNames",params:{propertyName: key10},message:"property name must be valid",schema:schema11.properties.policies.propertyNames,parentSchema:schema11.properties.policies,data:data35};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
for(const key11 in data35){
let data36 = data35[key11];
if(Array.isArray(data36)){
if(data36.length < 1){
const err45 = {instancePath:instancePath+"/policies/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/policies/additionalProperties/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.policies.additionalProperties,data:data36};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
const len2 = data36.length;
for(let i2=0; i2<len2; i2++){
let data37 = data36[i2];
if(!((((data37 === "free") || (data37 === "internal")) || (data37 === "direct")) || (data37 === "premium"))){
const err46 = {instancePath:instancePath+"/policies/" + key11.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/definitions/tier/enum",keyword:"enum",params:{allowedValues: schema14.enum},message:"must be equal to one of the allowed values",schema:schema14.enum,parentSchema:schema14,data:data37};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
let i3 = data36.length;
let j0;
if(i3 > 1){
outer0:
for(;i3--;){
for(j0 = i3; j0--;){
if(func0(data36[i3], data36[j0])){
const err47 = {instancePath:instancePath+"/policies/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/policies/additionalProperties/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i3+" are identical)",schema:true,parentSchema:schema11.properties.policies.additionalProperties,data:data36};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err48 = {instancePath:instancePath+"/policies/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/policies/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.policies.additionalProperties.type,parentSchema:schema11.properties.policies.additionalProperties,data:data36};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/policies",schemaPath:"#/properties/policies/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.policies.type,parentSchema:schema11.properties.policies,data:data35};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data.default_policy !== undefined){
let data38 = data.default_policy;
if(typeof data38 === "string"){
if(func3(data38) < 1){
const err50 = {instancePath:instancePath+"/default_policy",schemaPath:"#/properties/default_policy/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.default_policy,data:data38};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/default_policy",schemaPath:"#/properties/default_policy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.default_policy.type,parentSchema:schema11.properties.default_policy,data:data38};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data.router !== undefined){
if(!(validate22(data.router, {instancePath:instancePath+"/router",parentData:data,parentDataProperty:"router",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
if(data.server !== undefined){
let data40 = data.server;
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
for(const key12 in data40){
if(!(((((key12 === "master_key") || (key12 === "keys")) || (key12 === "max_request_size_mb")) || (key12 === "cors_origins")) || (key12 === "rate_limit"))){
const err52 = {instancePath:instancePath+"/server",schemaPath:"#/definitions/server/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema30,data:data40};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data40.master_key !== undefined){
let data41 = data40.master_key;
if(typeof data41 === "string"){
if(func3(data41) < 1){
const err53 = {instancePath:instancePath+"/server/master_key",schemaPath:"#/definitions/server/properties/master_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.master_key,data:data41};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
else {
const err54 = {instancePath:instancePath+"/server/master_key",schemaPath:"#/definitions/server/properties/master_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.master_key.type,parentSchema:schema30.properties.master_key,data:data41};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data40.keys !== undefined){
let data42 = data40.keys;
if(Array.isArray(data42)){
const len3 = data42.length;
for(let i4=0; i4<len3; i4++){
let data43 = data42[i4];
if(typeof data43 === "string"){
if(func3(data43) < 1){
const err55 = {instancePath:instancePath+"/server/keys/" + i4,schemaPath:"#/definitions/server/properties/keys/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.keys.items,data:data43};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/server/keys/" + i4,schemaPath:"#/definitions/server/properties/keys/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.keys.items.type,parentSchema:schema30.properties.keys.items,data:data43};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/server/keys",schemaPath:"#/definitions/server/properties/keys/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.keys.type,parentSchema:schema30.properties.keys,data:data42};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data40.max_request_size_mb !== undefined){
let data44 = data40.max_request_size_mb;
if((typeof data44 == "number") && (isFinite(data44))){
if(data44 <= 0 || isNaN(data44)){
const err58 = {instancePath:instancePath+"/server/max_request_size_mb",schemaPath:"#/definitions/server/properties/max_request_size_mb/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema30.properties.max_request_size_mb,data:data44};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/server/max_request_size_mb",schemaPath:"#/definitions/server/properties/max_request_size_mb/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema30.properties.max_request_size_mb.type,parentSchema:schema30.properties.max_request_size_mb,data:data44};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data40.cors_origins !== undefined){
let data45 = data40.cors_origins;
if(Array.isArray(data45)){
const len4 = data45.length;
for(let i5=0; i5<len4; i5++){
let data46 = data45[i5];
if(typeof data46 === "string"){
if(func3(data46) < 1){
const err60 = {instancePath:instancePath+"/server/cors_origins/" + i5,schemaPath:"#/definitions/server/properties/cors_origins/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.cors_origins.items,data:data46};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/server/cors_origins/" + i5,schemaPath:"#/definitions/server/properties/cors_origins/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.cors_origins.items.type,parentSchema:schema30.properties.cors_origins.items,data:data46};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
else {
const err62 = {instancePath:instancePath+"/server/cors_origins",schemaPath:"#/definitions/server/properties/cors_origins/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.cors_origins.type,parentSchema:schema30.properties.cors_origins,data:data45};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data40.rate_limit !== undefined){
let data47 = data40.rate_limit;
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
for(const key13 in data47){
if(!((key13 === "rpm") || (key13 === "tpm"))){
const err63 = {instancePath:instancePath+"/server/rate_limit",schemaPath:"#/definitions/server/properties/rate_limit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema30.properties.rate_limit,data:data47};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data47.rpm !== undefined){
let data48 = data47.rpm;
if(!(((typeof data48 == "number") && (!(data48 % 1) && !isNaN(data48))) && (isFinite(data48)))){
const err64 = {instancePath:instancePath+"/server/rate_limit/rpm",schemaPath:"#/definitions/server/properties/rate_limit/properties/rpm/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema30.properties.rate_limit.properties.rpm.type,parentSchema:schema30.properties.rate_limit.properties.rpm,data:data48};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if((typeof data48 == "number") && (isFinite(data48))){
if(data48 < 1 || isNaN(data48)){
const err65 = {instancePath:instancePath+"/server/rate_limit/rpm",schemaPath:"#/definitions/server/properties/rate_limit/properties/rpm/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema30.properties.rate_limit.properties.rpm,data:data48};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
if(data47.tpm !== undefined){
let data49 = data47.tpm;
if(!(((typeof data49 == "number") && (!(data49 % 1) && !isNaN(data49))) && (isFinite(data49)))){
const err66 = {instancePath:instancePath+"/server/rate_limit/tpm",schemaPath:"#/definitions/server/properties/rate_limit/properties/tpm/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema30.properties.rate_limit.properties.tpm.type,parentSchema:schema30.properties.rate_limit.properties.tpm,data:data49};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if((typeof data49 == "number") && (isFinite(data49))){
if(data49 < 1 || isNaN(data49)){
const err67 = {instancePath:instancePath+"/server/rate_limit/tpm",schemaPath:"#/definitions/server/properties/rate_limit/properties/tpm/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema30.properties.rate_limit.properties.tpm,data:data49};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
}
else {
const err68 = {instancePath:instancePath+"/server/rate_limit",schemaPath:"#/definitions/server/properties/rate_limit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.rate_limit.type,parentSchema:schema30.properties.rate_limit,data:data47};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
else {
const err69 = {instancePath:instancePath+"/server",schemaPath:"#/definitions/server/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.type,parentSchema:schema30,data:data40};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data.cache !== undefined){
let data50 = data.cache;
if(data50 && typeof data50 == "object" && !Array.isArray(data50)){
if(data50.type === undefined){
const err70 = {instancePath:instancePath+"/cache",schemaPath:"#/definitions/cache/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema31.required,parentSchema:schema31,data:data50};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
for(const key14 in data50){
if(!((((((key14 === "type") || (key14 === "ttl")) || (key14 === "namespace")) || (key14 === "host")) || (key14 === "port")) || (key14 === "password"))){
const err71 = {instancePath:instancePath+"/cache",schemaPath:"#/definitions/cache/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data:data50};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data50.type !== undefined){
let data51 = data50.type;
if(!((data51 === "local") || (data51 === "redis"))){
const err72 = {instancePath:instancePath+"/cache/type",schemaPath:"#/definitions/cache/properties/type/enum",keyword:"enum",params:{allowedValues: schema31.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.type.enum,parentSchema:schema31.properties.type,data:data51};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data50.ttl !== undefined){
let data52 = data50.ttl;
if((typeof data52 == "number") && (isFinite(data52))){
if(data52 <= 0 || isNaN(data52)){
const err73 = {instancePath:instancePath+"/cache/ttl",schemaPath:"#/definitions/cache/properties/ttl/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema31.properties.ttl,data:data52};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
else {
const err74 = {instancePath:instancePath+"/cache/ttl",schemaPath:"#/definitions/cache/properties/ttl/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema31.properties.ttl.type,parentSchema:schema31.properties.ttl,data:data52};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data50.namespace !== undefined){
let data53 = data50.namespace;
if(typeof data53 === "string"){
if(func3(data53) < 1){
const err75 = {instancePath:instancePath+"/cache/namespace",schemaPath:"#/definitions/cache/properties/namespace/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema31.properties.namespace,data:data53};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
else {
const err76 = {instancePath:instancePath+"/cache/namespace",schemaPath:"#/definitions/cache/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.namespace.type,parentSchema:schema31.properties.namespace,data:data53};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data50.host !== undefined){
let data54 = data50.host;
if(typeof data54 !== "string"){
const err77 = {instancePath:instancePath+"/cache/host",schemaPath:"#/definitions/cache/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.host.type,parentSchema:schema31.properties.host,data:data54};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data50.port !== undefined){
let data55 = data50.port;
if((!(((typeof data55 == "number") && (!(data55 % 1) && !isNaN(data55))) && (isFinite(data55)))) && (typeof data55 !== "string")){
const err78 = {instancePath:instancePath+"/cache/port",schemaPath:"#/definitions/cache/properties/port/type",keyword:"type",params:{type: schema31.properties.port.type},message:"must be integer,string",schema:schema31.properties.port.type,parentSchema:schema31.properties.port,data:data55};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
if(data50.password !== undefined){
let data56 = data50.password;
if(typeof data56 !== "string"){
const err79 = {instancePath:instancePath+"/cache/password",schemaPath:"#/definitions/cache/properties/password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.password.type,parentSchema:schema31.properties.password,data:data56};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
}
else {
const err80 = {instancePath:instancePath+"/cache",schemaPath:"#/definitions/cache/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data:data50};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data.fleet !== undefined){
let data57 = data.fleet;
if(data57 && typeof data57 == "object" && !Array.isArray(data57)){
for(const key15 in data57){
if(!(((key15 === "namespace") || (key15 === "redis_timeout_ms")) || (key15 === "sync_interval_ms"))){
const err81 = {instancePath:instancePath+"/fleet",schemaPath:"#/definitions/fleet/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data:data57};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data57.namespace !== undefined){
let data58 = data57.namespace;
if(typeof data58 === "string"){
if(func3(data58) < 1){
const err82 = {instancePath:instancePath+"/fleet/namespace",schemaPath:"#/definitions/fleet/properties/namespace/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema32.properties.namespace,data:data58};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
if(!pattern1.test(data58)){
const err83 = {instancePath:instancePath+"/fleet/namespace",schemaPath:"#/definitions/fleet/properties/namespace/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.-]+$"},message:"must match pattern \""+"^[A-Za-z0-9_.-]+$"+"\"",schema:"^[A-Za-z0-9_.-]+$",parentSchema:schema32.properties.namespace,data:data58};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
else {
const err84 = {instancePath:instancePath+"/fleet/namespace",schemaPath:"#/definitions/fleet/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.namespace.type,parentSchema:schema32.properties.namespace,data:data58};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data57.redis_timeout_ms !== undefined){
let data59 = data57.redis_timeout_ms;
if((typeof data59 == "number") && (isFinite(data59))){
if(data59 <= 0 || isNaN(data59)){
const err85 = {instancePath:instancePath+"/fleet/redis_timeout_ms",schemaPath:"#/definitions/fleet/properties/redis_timeout_ms/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema32.properties.redis_timeout_ms,data:data59};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
else {
const err86 = {instancePath:instancePath+"/fleet/redis_timeout_ms",schemaPath:"#/definitions/fleet/properties/redis_timeout_ms/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema32.properties.redis_timeout_ms.type,parentSchema:schema32.properties.redis_timeout_ms,data:data59};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data57.sync_interval_ms !== undefined){
let data60 = data57.sync_interval_ms;
if((typeof data60 == "number") && (isFinite(data60))){
if(data60 < 10 || isNaN(data60)){
const err87 = {instancePath:instancePath+"/fleet/sync_interval_ms",schemaPath:"#/definitions/fleet/properties/sync_interval_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 10},message:"must be >= 10",schema:10,parentSchema:schema32.properties.sync_interval_ms,data:data60};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
else {
const err88 = {instancePath:instancePath+"/fleet/sync_interval_ms",schemaPath:"#/definitions/fleet/properties/sync_interval_ms/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema32.properties.sync_interval_ms.type,parentSchema:schema32.properties.sync_interval_ms,data:data60};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
}
else {
const err89 = {instancePath:instancePath+"/fleet",schemaPath:"#/definitions/fleet/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data:data57};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data.routing_rules !== undefined){
let data61 = data.routing_rules;
if(!(data61 && typeof data61 == "object" && !Array.isArray(data61))){
const err90 = {instancePath:instancePath+"/routing_rules",schemaPath:"#/properties/routing_rules/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.routing_rules.type,parentSchema:schema11.properties.routing_rules,data:data61};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data.special_cases !== undefined){
let data62 = data.special_cases;
if(!(data62 && typeof data62 == "object" && !Array.isArray(data62))){
const err91 = {instancePath:instancePath+"/special_cases",schemaPath:"#/properties/special_cases/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.special_cases.type,parentSchema:schema11.properties.special_cases,data:data62};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data.metadata !== undefined){
let data63 = data.metadata;
if(!(data63 && typeof data63 == "object" && !Array.isArray(data63))){
const err92 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metadata.type,parentSchema:schema11.properties.metadata,data:data63};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data.notes !== undefined){
let data64 = data.notes;
if(typeof data64 !== "string"){
const err93 = {instancePath:instancePath+"/notes",schemaPath:"#/properties/notes/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.notes.type,parentSchema:schema11.properties.notes,data:data64};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
}
else {
const err94 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

