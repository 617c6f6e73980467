// Generated from schemas/litellm-config.schema.json by ajv's standalone code generation (src/shared/schema-codegen.ts). Do not edit: run `npm run gen:validators`.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://rainymodel.dev/schemas/litellm-config.schema.json","title":"LiteLLM proxy config (as compiled by rmctl generate, or hand-written)","description":"The compiled routing config. Loads in a stock LiteLLM proxy unchanged; `rmctl serve` serves the same file. RainyModel's own data lives in model_info.* and the top-level rainymodel block, which LiteLLM ignores.","type":"object","required":["model_list"],"properties":{"model_list":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/deployment"}},"router_settings":{"type":"object","properties":{"routing_strategy":{"$ref":"#/definitions/routingStrategy"},"num_retries":{"$ref":"#/definitions/nonNegInt"},"retry_after":{"type":"number","minimum":0},"timeout":{"$ref":"#/definitions/seconds"},"stream_timeout":{"$ref":"#/definitions/seconds"},"allowed_fails":{"$ref":"#/definitions/nonNegInt"},"cooldown_time":{"type":"number","minimum":0},"disable_cooldowns":{"type":"boolean"},"fallbacks":{"$ref":"#/definitions/fallbackList"},"context_window_fallbacks":{"$ref":"#/definitions/fallbackList"},"content_policy_fallbacks":{"$ref":"#/definitions/fallbackList"},"default_fallbacks":{"type":"array","items":{"type":"string","minLength":1}},"max_fallbacks":{"$ref":"#/definitions/nonNegInt"},"enable_pre_call_checks":{"type":"boolean"},"model_group_alias":{"type":"object","additionalProperties":{"oneOf":[{"type":"string","minLength":1},{"type":"object","required":["model"],"properties":{"model":{"type":"string"},"hidden":{"type":"boolean"}}}]}},"redis_host":{"type":"string"},"redis_port":{"type":["integer","string"]},"redis_password":{"type":"string"},"redis_db":{"type":["integer","string"]}}},"litellm_settings":{"type":"object","properties":{"drop_params":{"type":"boolean"},"num_retries":{"$ref":"#/definitions/nonNegInt"},"request_timeout":{"$ref":"#/definitions/seconds"},"json_logs":{"type":"boolean"},"cache":{"type":"boolean"},"cache_params":{"type":"object","properties":{"type":{"enum":["local","redis","redis-semantic","qdrant-semantic","s3","gcs","disk"]},"host":{"type":"string"},"port":{"type":["integer","string"]},"password":{"type":"string"},"ttl":{"type":"number","minimum":0},"namespace":{"type":"string"},"mode":{"enum":["default_on","default_off"]}}}}},"general_settings":{"type":"object","properties":{"master_key":{"type":"string","minLength":1},"max_request_size_mb":{"type":"number","exclusiveMinimum":0},"background_health_checks":{"type":"boolean"},"health_check_interval":{"type":"number","minimum":0}}},"environment_variables":{"type":"object","additionalProperties":{"type":["string","number","boolean"]}},"rainymodel":{"$ref":"#/definitions/rainymodelBlock"}},"definitions":{"nonNegInt":{"type":"integer","minimum":0},"seconds":{"type":"number","exclusiveMinimum":0},"tier":{"enum":["free","internal","direct","premium"]},"routingStrategy":{"enum":["simple-shuffle","least-busy","usage-based-routing","usage-based-routing-v2","latency-based-routing","cost-based-routing"]},"fallbackList":{"type":"array","items":{"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":{"type":"array","items":{"type":"string","minLength":1}}}},"deployment":{"type":"object","required":["model_name","litellm_params"],"properties":{"model_name":{"type":"string","minLength":1},"litellm_params":{"type":"object","required":["model"],"properties":{"model":{"type":"string","minLength":1},"api_base":{"type":"string","minLength":1},"api_key":{"type":"string"},"api_version":{"type":"string"},"custom_llm_provider":{"type":"string"},"rpm":{"$ref":"#/definitions/nonNegInt"},"tpm":{"$ref":"#/definitions/nonNegInt"},"max_parallel_requests":{"type":"integer","minimum":1},"weight":{"type":"number","minimum":0},"order":{"type":"integer","minimum":1},"timeout":{"$ref":"#/definitions/seconds"},"stream_timeout":{"$ref":"#/definitions/seconds"},"max_retries":{"$ref":"#/definitions/nonNegInt"},"keep_alive":{"type":["string","number"]},"extra_body":{"type":"object"}}},"model_info":{"type":"object","properties":{"id":{"type":"string","minLength":1},"mode":{"enum":["chat","completion","embedding","image_generation","audio_transcription","audio_speech","rerank","moderation","responses"]},"rainymodel_tier":{"$ref":"#/definitions/tier"},"tier":{"description":"LiteLLM's own field: a stock LiteLLM accepts only free or paid. RainyModel tiers here are a legacy form rmctl serve still reads; write rainymodel_tier.","enum":["free","paid","internal","direct","premium"]},"provider":{"type":"string"},"provider_type":{"type":"string"},"upstream_model":{"type":"string"},"credential":{"type":"string"},"description":{"type":"string"}}}}},"rainymodelBlock":{"type":"object","required":["version","policies"],"properties":{"version":{"const":1},"sources_sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"default_policy":{"type":"string"},"policies":{"type":"object","minProperties":1,"additionalProperties":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/tier"}}},"groups":{"type":"object","additionalProperties":{"type":"object","properties":{"description":{"type":"string"},"routing_strategy":{"$ref":"#/definitions/routingStrategy"}},"additionalProperties":false}},"patterns":{"type":"array","items":{"type":"object","required":["pattern","deployments"],"properties":{"pattern":{"type":"string","minLength":1},"description":{"type":"string"},"deployments":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/deployment"}}},"additionalProperties":false}},"auth":{"type":"object","properties":{"keys":{"type":"array","items":{"type":"string","minLength":1}}},"additionalProperties":false},"cors":{"type":"object","properties":{"allow_origins":{"type":"array","items":{"type":"string","minLength":1}}},"additionalProperties":false},"rate_limit":{"type":"object","properties":{"rpm":{"type":"integer","minimum":1},"tpm":{"type":"integer","minimum":1}},"additionalProperties":false},"fleet":{"type":"object","description":"Fleet mode (rmctl serve replicas sharing state through router_settings.redis_*): key namespace, per-command timeout on the request path, background sync interval.","properties":{"namespace":{"type":"string","minLength":1,"pattern":"^[A-Za-z0-9_.-]+$"},"redis_timeout_ms":{"type":"number","exclusiveMinimum":0},"sync_interval_ms":{"type":"number","minimum":10}},"additionalProperties":false}}}}};
const schema19 = {"enum":["simple-shuffle","least-busy","usage-based-routing","usage-based-routing-v2","latency-based-routing","cost-based-routing"]};
const schema13 = {"type":"integer","minimum":0};
const schema15 = {"type":"number","exclusiveMinimum":0};
const schema24 = {"type":"array","items":{"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":{"type":"array","items":{"type":"string","minLength":1}}}};
const schema12 = {"type":"object","required":["model_name","litellm_params"],"properties":{"model_name":{"type":"string","minLength":1},"litellm_params":{"type":"object","required":["model"],"properties":{"model":{"type":"string","minLength":1},"api_base":{"type":"string","minLength":1},"api_key":{"type":"string"},"api_version":{"type":"string"},"custom_llm_provider":{"type":"string"},"rpm":{"$ref":"#/definitions/nonNegInt"},"tpm":{"$ref":"#/definitions/nonNegInt"},"max_parallel_requests":{"type":"integer","minimum":1},"weight":{"type":"number","minimum":0},"order":{"type":"integer","minimum":1},"timeout":{"$ref":"#/definitions/seconds"},"stream_timeout":{"$ref":"#/definitions/seconds"},"max_retries":{"$ref":"#/definitions/nonNegInt"},"keep_alive":{"type":["string","number"]},"extra_body":{"type":"object"}}},"model_info":{"type":"object","properties":{"id":{"type":"string","minLength":1},"mode":{"enum":["chat","completion","embedding","image_generation","audio_transcription","audio_speech","rerank","moderation","responses"]},"rainymodel_tier":{"$ref":"#/definitions/tier"},"tier":{"description":"LiteLLM's own field: a stock LiteLLM accepts only free or paid. RainyModel tiers here are a legacy form rmctl serve still reads; write rainymodel_tier.","enum":["free","paid","internal","direct","premium"]},"provider":{"type":"string"},"provider_type":{"type":"string"},"upstream_model":{"type":"string"},"credential":{"type":"string"},"description":{"type":"string"}}}}};
const schema18 = {"enum":["free","internal","direct","premium"]};
const func2 = require("ajv/dist/runtime/ucs2length").default;

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.model_name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model_name"},message:"must have required property '"+"model_name"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.litellm_params === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "litellm_params"},message:"must have required property '"+"litellm_params"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.model_name !== undefined){
let data0 = data.model_name;
if(typeof data0 === "string"){
if(func2(data0) < 1){
const err2 = {instancePath:instancePath+"/model_name",schemaPath:"#/properties/model_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.model_name,data:data0};
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
const err3 = {instancePath:instancePath+"/model_name",schemaPath:"#/properties/model_name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.model_name.type,parentSchema:schema12.properties.model_name,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.litellm_params !== undefined){
let data1 = data.litellm_params;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.model === undefined){
const err4 = {instancePath:instancePath+"/litellm_params",schemaPath:"#/properties/litellm_params/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema12.properties.litellm_params.required,parentSchema:schema12.properties.litellm_params,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data1.model !== undefined){
let data2 = data1.model;
if(typeof data2 === "string"){
if(func2(data2) < 1){
const err5 = {instancePath:instancePath+"/litellm_params/model",schemaPath:"#/properties/litellm_params/properties/model/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.litellm_params.properties.model,data:data2};
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
const err6 = {instancePath:instancePath+"/litellm_params/model",schemaPath:"#/properties/litellm_params/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.litellm_params.properties.model.type,parentSchema:schema12.properties.litellm_params.properties.model,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data1.api_base !== undefined){
let data3 = data1.api_base;
if(typeof data3 === "string"){
if(func2(data3) < 1){
const err7 = {instancePath:instancePath+"/litellm_params/api_base",schemaPath:"#/properties/litellm_params/properties/api_base/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.litellm_params.properties.api_base,data:data3};
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
const err8 = {instancePath:instancePath+"/litellm_params/api_base",schemaPath:"#/properties/litellm_params/properties/api_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.litellm_params.properties.api_base.type,parentSchema:schema12.properties.litellm_params.properties.api_base,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.api_key !== undefined){
let data4 = data1.api_key;
if(typeof data4 !== "string"){
const err9 = {instancePath:instancePath+"/litellm_params/api_key",schemaPath:"#/properties/litellm_params/properties/api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.litellm_params.properties.api_key.type,parentSchema:schema12.properties.litellm_params.properties.api_key,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data1.api_version !== undefined){
let data5 = data1.api_version;
if(typeof data5 !== "string"){
const err10 = {instancePath:instancePath+"/litellm_params/api_version",schemaPath:"#/properties/litellm_params/properties/api_version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.litellm_params.properties.api_version.type,parentSchema:schema12.properties.litellm_params.properties.api_version,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data1.custom_llm_provider !== undefined){
let data6 = data1.custom_llm_provider;
if(typeof data6 !== "string"){
const err11 = {instancePath:instancePath+"/litellm_params/custom_llm_provider",schemaPath:"#/properties/litellm_params/properties/custom_llm_provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.litellm_params.properties.custom_llm_provider.type,parentSchema:schema12.properties.litellm_params.properties.custom_llm_provider,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data1.rpm !== undefined){
let data7 = data1.rpm;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err12 = {instancePath:instancePath+"/litellm_params/rpm",schemaPath:"#/definitions/nonNegInt/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.type,parentSchema:schema13,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err13 = {instancePath:instancePath+"/litellm_params/rpm",schemaPath:"#/definitions/nonNegInt/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data7};
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
if(data1.tpm !== undefined){
let data8 = data1.tpm;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err14 = {instancePath:instancePath+"/litellm_params/tpm",schemaPath:"#/definitions/nonNegInt/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.type,parentSchema:schema13,data:data8};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err15 = {instancePath:instancePath+"/litellm_params/tpm",schemaPath:"#/definitions/nonNegInt/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data8};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data1.max_parallel_requests !== undefined){
let data9 = data1.max_parallel_requests;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err16 = {instancePath:instancePath+"/litellm_params/max_parallel_requests",schemaPath:"#/properties/litellm_params/properties/max_parallel_requests/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.litellm_params.properties.max_parallel_requests.type,parentSchema:schema12.properties.litellm_params.properties.max_parallel_requests,data:data9};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 1 || isNaN(data9)){
const err17 = {instancePath:instancePath+"/litellm_params/max_parallel_requests",schemaPath:"#/properties/litellm_params/properties/max_parallel_requests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties.litellm_params.properties.max_parallel_requests,data:data9};
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
if(data1.weight !== undefined){
let data10 = data1.weight;
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err18 = {instancePath:instancePath+"/litellm_params/weight",schemaPath:"#/properties/litellm_params/properties/weight/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.litellm_params.properties.weight,data:data10};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/litellm_params/weight",schemaPath:"#/properties/litellm_params/properties/weight/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.litellm_params.properties.weight.type,parentSchema:schema12.properties.litellm_params.properties.weight,data:data10};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data1.order !== undefined){
let data11 = data1.order;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err20 = {instancePath:instancePath+"/litellm_params/order",schemaPath:"#/properties/litellm_params/properties/order/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.litellm_params.properties.order.type,parentSchema:schema12.properties.litellm_params.properties.order,data:data11};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 1 || isNaN(data11)){
const err21 = {instancePath:instancePath+"/litellm_params/order",schemaPath:"#/properties/litellm_params/properties/order/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties.litellm_params.properties.order,data:data11};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
if(data1.timeout !== undefined){
let data12 = data1.timeout;
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 <= 0 || isNaN(data12)){
const err22 = {instancePath:instancePath+"/litellm_params/timeout",schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema15,data:data12};
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
const err23 = {instancePath:instancePath+"/litellm_params/timeout",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.type,parentSchema:schema15,data:data12};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data1.stream_timeout !== undefined){
let data13 = data1.stream_timeout;
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 <= 0 || isNaN(data13)){
const err24 = {instancePath:instancePath+"/litellm_params/stream_timeout",schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema15,data:data13};
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
const err25 = {instancePath:instancePath+"/litellm_params/stream_timeout",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.type,parentSchema:schema15,data:data13};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data1.max_retries !== undefined){
let data14 = data1.max_retries;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err26 = {instancePath:instancePath+"/litellm_params/max_retries",schemaPath:"#/definitions/nonNegInt/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.type,parentSchema:schema13,data:data14};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 0 || isNaN(data14)){
const err27 = {instancePath:instancePath+"/litellm_params/max_retries",schemaPath:"#/definitions/nonNegInt/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data14};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
if(data1.keep_alive !== undefined){
let data15 = data1.keep_alive;
if((typeof data15 !== "string") && (!((typeof data15 == "number") && (isFinite(data15))))){
const err28 = {instancePath:instancePath+"/litellm_params/keep_alive",schemaPath:"#/properties/litellm_params/properties/keep_alive/type",keyword:"type",params:{type: schema12.properties.litellm_params.properties.keep_alive.type},message:"must be string,number",schema:schema12.properties.litellm_params.properties.keep_alive.type,parentSchema:schema12.properties.litellm_params.properties.keep_alive,data:data15};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data1.extra_body !== undefined){
let data16 = data1.extra_body;
if(!(data16 && typeof data16 == "object" && !Array.isArray(data16))){
const err29 = {instancePath:instancePath+"/litellm_params/extra_body",schemaPath:"#/properties/litellm_params/properties/extra_body/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.litellm_params.properties.extra_body.type,parentSchema:schema12.properties.litellm_params.properties.extra_body,data:data16};
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
const err30 = {instancePath:instancePath+"/litellm_params",schemaPath:"#/properties/litellm_params/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.litellm_params.type,parentSchema:schema12.properties.litellm_params,data:data1};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.model_info !== undefined){
let data17 = data.model_info;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.id !== undefined){
let data18 = data17.id;
if(typeof data18 === "string"){
if(func2(data18) < 1){
const err31 = {instancePath:instancePath+"/model_info/id",schemaPath:"#/properties/model_info/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.model_info.properties.id,data:data18};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/model_info/id",schemaPath:"#/properties/model_info/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.model_info.properties.id.type,parentSchema:schema12.properties.model_info.properties.id,data:data18};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data17.mode !== undefined){
let data19 = data17.mode;
if(!(((((((((data19 === "chat") || (data19 === "completion")) || (data19 === "embedding")) || (data19 === "image_generation")) || (data19 === "audio_transcription")) || (data19 === "audio_speech")) || (data19 === "rerank")) || (data19 === "moderation")) || (data19 === "responses"))){
const err33 = {instancePath:instancePath+"/model_info/mode",schemaPath:"#/properties/model_info/properties/mode/enum",keyword:"enum",params:{allowedValues: schema12.properties.model_info.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.model_info.properties.mode.enum,parentSchema:schema12.properties.model_info.properties.mode,data:data19};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data17.rainymodel_tier !== undefined){
let data20 = data17.rainymodel_tier;
if(!((((data20 === "free") || (data20 === "internal")) || (data20 === "direct")) || (data20 === "premium"))){
const err34 = {instancePath:instancePath+"/model_info/rainymodel_tier",schemaPath:"#/definitions/tier/enum",keyword:"enum",params:{allowedValues: schema18.enum},message:"must be equal to one of the allowed values",schema:schema18.enum,parentSchema:schema18,data:data20};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data17.tier !== undefined){
let data21 = data17.tier;
if(!(((((data21 === "free") || (data21 === "paid")) || (data21 === "internal")) || (data21 === "direct")) || (data21 === "premium"))){
const err35 = {instancePath:instancePath+"/model_info/tier",schemaPath:"#/properties/model_info/properties/tier/enum",keyword:"enum",params:{allowedValues: schema12.properties.model_info.properties.tier.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.model_info.properties.tier.enum,parentSchema:schema12.properties.model_info.properties.tier,data:data21};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data17.provider !== undefined){
let data22 = data17.provider;
if(typeof data22 !== "string"){
const err36 = {instancePath:instancePath+"/model_info/provider",schemaPath:"#/properties/model_info/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.model_info.properties.provider.type,parentSchema:schema12.properties.model_info.properties.provider,data:data22};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data17.provider_type !== undefined){
let data23 = data17.provider_type;
if(typeof data23 !== "string"){
const err37 = {instancePath:instancePath+"/model_info/provider_type",schemaPath:"#/properties/model_info/properties/provider_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.model_info.properties.provider_type.type,parentSchema:schema12.properties.model_info.properties.provider_type,data:data23};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data17.upstream_model !== undefined){
let data24 = data17.upstream_model;
if(typeof data24 !== "string"){
const err38 = {instancePath:instancePath+"/model_info/upstream_model",schemaPath:"#/properties/model_info/properties/upstream_model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.model_info.properties.upstream_model.type,parentSchema:schema12.properties.model_info.properties.upstream_model,data:data24};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data17.credential !== undefined){
let data25 = data17.credential;
if(typeof data25 !== "string"){
const err39 = {instancePath:instancePath+"/model_info/credential",schemaPath:"#/properties/model_info/properties/credential/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.model_info.properties.credential.type,parentSchema:schema12.properties.model_info.properties.credential,data:data25};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data17.description !== undefined){
let data26 = data17.description;
if(typeof data26 !== "string"){
const err40 = {instancePath:instancePath+"/model_info/description",schemaPath:"#/properties/model_info/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.model_info.properties.description.type,parentSchema:schema12.properties.model_info.properties.description,data:data26};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/model_info",schemaPath:"#/properties/model_info/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.model_info.type,parentSchema:schema12.properties.model_info,data:data17};
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
else {
const err42 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const schema30 = {"type":"object","required":["version","policies"],"properties":{"version":{"const":1},"sources_sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"default_policy":{"type":"string"},"policies":{"type":"object","minProperties":1,"additionalProperties":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/tier"}}},"groups":{"type":"object","additionalProperties":{"type":"object","properties":{"description":{"type":"string"},"routing_strategy":{"$ref":"#/definitions/routingStrategy"}},"additionalProperties":false}},"patterns":{"type":"array","items":{"type":"object","required":["pattern","deployments"],"properties":{"pattern":{"type":"string","minLength":1},"description":{"type":"string"},"deployments":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/deployment"}}},"additionalProperties":false}},"auth":{"type":"object","properties":{"keys":{"type":"array","items":{"type":"string","minLength":1}}},"additionalProperties":false},"cors":{"type":"object","properties":{"allow_origins":{"type":"array","items":{"type":"string","minLength":1}}},"additionalProperties":false},"rate_limit":{"type":"object","properties":{"rpm":{"type":"integer","minimum":1},"tpm":{"type":"integer","minimum":1}},"additionalProperties":false},"fleet":{"type":"object","description":"Fleet mode (rmctl serve replicas sharing state through router_settings.redis_*): key namespace, per-command timeout on the request path, background sync interval.","properties":{"namespace":{"type":"string","minLength":1,"pattern":"^[A-Za-z0-9_.-]+$"},"redis_timeout_ms":{"type":"number","exclusiveMinimum":0},"sync_interval_ms":{"type":"number","minimum":10}},"additionalProperties":false}}};
const pattern0 = new RegExp("^[0-9a-f]{64}$", "u");
const pattern1 = new RegExp("^[A-Za-z0-9_.-]+$", "u");
const func0 = require("ajv/dist/runtime/equal").default;

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema30.required,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.policies === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "policies"},message:"must have required property '"+"policies"+"'",schema:schema30.required,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.version !== undefined){
let data0 = data.version;
if(1 !== data0){
const err2 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant",schema:1,parentSchema:schema30.properties.version,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.sources_sha256 !== undefined){
let data1 = data.sources_sha256;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err3 = {instancePath:instancePath+"/sources_sha256",schemaPath:"#/properties/sources_sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\"",schema:"^[0-9a-f]{64}$",parentSchema:schema30.properties.sources_sha256,data:data1};
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
const err4 = {instancePath:instancePath+"/sources_sha256",schemaPath:"#/properties/sources_sha256/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.sources_sha256.type,parentSchema:schema30.properties.sources_sha256,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.default_policy !== undefined){
let data2 = data.default_policy;
if(typeof data2 !== "string"){
const err5 = {instancePath:instancePath+"/default_policy",schemaPath:"#/properties/default_policy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.default_policy.type,parentSchema:schema30.properties.default_policy,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.policies !== undefined){
let data3 = data.policies;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(Object.keys(data3).length < 1){
const err6 = {instancePath:instancePath+"/policies",schemaPath:"#/properties/policies/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema30.properties.policies,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key0 in data3){
let data4 = data3[key0];
if(Array.isArray(data4)){
if(data4.length < 1){
const err7 = {instancePath:instancePath+"/policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/policies/additionalProperties/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema30.properties.policies.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(!((((data5 === "free") || (data5 === "internal")) || (data5 === "direct")) || (data5 === "premium"))){
const err8 = {instancePath:instancePath+"/policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/tier/enum",keyword:"enum",params:{allowedValues: schema18.enum},message:"must be equal to one of the allowed values",schema:schema18.enum,parentSchema:schema18,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
let i1 = data4.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data4[i1], data4[j0])){
const err9 = {instancePath:instancePath+"/policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/policies/additionalProperties/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema30.properties.policies.additionalProperties,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err10 = {instancePath:instancePath+"/policies/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/policies/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.policies.additionalProperties.type,parentSchema:schema30.properties.policies.additionalProperties,data:data4};
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
const err11 = {instancePath:instancePath+"/policies",schemaPath:"#/properties/policies/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.policies.type,parentSchema:schema30.properties.policies,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.groups !== undefined){
let data6 = data.groups;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key1 in data6){
let data7 = data6[key1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key2 in data7){
if(!((key2 === "description") || (key2 === "routing_strategy"))){
const err12 = {instancePath:instancePath+"/groups/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/groups/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema30.properties.groups.additionalProperties,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data7.description !== undefined){
let data8 = data7.description;
if(typeof data8 !== "string"){
const err13 = {instancePath:instancePath+"/groups/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/properties/groups/additionalProperties/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.groups.additionalProperties.properties.description.type,parentSchema:schema30.properties.groups.additionalProperties.properties.description,data:data8};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data7.routing_strategy !== undefined){
let data9 = data7.routing_strategy;
if(!((((((data9 === "simple-shuffle") || (data9 === "least-busy")) || (data9 === "usage-based-routing")) || (data9 === "usage-based-routing-v2")) || (data9 === "latency-based-routing")) || (data9 === "cost-based-routing"))){
const err14 = {instancePath:instancePath+"/groups/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/routing_strategy",schemaPath:"#/definitions/routingStrategy/enum",keyword:"enum",params:{allowedValues: schema19.enum},message:"must be equal to one of the allowed values",schema:schema19.enum,parentSchema:schema19,data:data9};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/groups/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/groups/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.groups.additionalProperties.type,parentSchema:schema30.properties.groups.additionalProperties,data:data7};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/groups",schemaPath:"#/properties/groups/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.groups.type,parentSchema:schema30.properties.groups,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.patterns !== undefined){
let data10 = data.patterns;
if(Array.isArray(data10)){
const len1 = data10.length;
for(let i2=0; i2<len1; i2++){
let data11 = data10[i2];
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.pattern === undefined){
const err17 = {instancePath:instancePath+"/patterns/" + i2,schemaPath:"#/properties/patterns/items/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:schema30.properties.patterns.items.required,parentSchema:schema30.properties.patterns.items,data:data11};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data11.deployments === undefined){
const err18 = {instancePath:instancePath+"/patterns/" + i2,schemaPath:"#/properties/patterns/items/required",keyword:"required",params:{missingProperty: "deployments"},message:"must have required property '"+"deployments"+"'",schema:schema30.properties.patterns.items.required,parentSchema:schema30.properties.patterns.items,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
for(const key3 in data11){
if(!(((key3 === "pattern") || (key3 === "description")) || (key3 === "deployments"))){
const err19 = {instancePath:instancePath+"/patterns/" + i2,schemaPath:"#/properties/patterns/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema30.properties.patterns.items,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data11.pattern !== undefined){
let data12 = data11.pattern;
if(typeof data12 === "string"){
if(func2(data12) < 1){
const err20 = {instancePath:instancePath+"/patterns/" + i2+"/pattern",schemaPath:"#/properties/patterns/items/properties/pattern/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.patterns.items.properties.pattern,data:data12};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/patterns/" + i2+"/pattern",schemaPath:"#/properties/patterns/items/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.patterns.items.properties.pattern.type,parentSchema:schema30.properties.patterns.items.properties.pattern,data:data12};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data11.description !== undefined){
let data13 = data11.description;
if(typeof data13 !== "string"){
const err22 = {instancePath:instancePath+"/patterns/" + i2+"/description",schemaPath:"#/properties/patterns/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.patterns.items.properties.description.type,parentSchema:schema30.properties.patterns.items.properties.description,data:data13};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data11.deployments !== undefined){
let data14 = data11.deployments;
if(Array.isArray(data14)){
if(data14.length < 1){
const err23 = {instancePath:instancePath+"/patterns/" + i2+"/deployments",schemaPath:"#/properties/patterns/items/properties/deployments/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema30.properties.patterns.items.properties.deployments,data:data14};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
const len2 = data14.length;
for(let i3=0; i3<len2; i3++){
if(!(validate11(data14[i3], {instancePath:instancePath+"/patterns/" + i2+"/deployments/" + i3,parentData:data14,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err24 = {instancePath:instancePath+"/patterns/" + i2+"/deployments",schemaPath:"#/properties/patterns/items/properties/deployments/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.patterns.items.properties.deployments.type,parentSchema:schema30.properties.patterns.items.properties.deployments,data:data14};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/patterns/" + i2,schemaPath:"#/properties/patterns/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.patterns.items.type,parentSchema:schema30.properties.patterns.items,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/patterns",schemaPath:"#/properties/patterns/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.patterns.type,parentSchema:schema30.properties.patterns,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.auth !== undefined){
let data16 = data.auth;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
for(const key4 in data16){
if(!(key4 === "keys")){
const err27 = {instancePath:instancePath+"/auth",schemaPath:"#/properties/auth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema30.properties.auth,data:data16};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data16.keys !== undefined){
let data17 = data16.keys;
if(Array.isArray(data17)){
const len3 = data17.length;
for(let i4=0; i4<len3; i4++){
let data18 = data17[i4];
if(typeof data18 === "string"){
if(func2(data18) < 1){
const err28 = {instancePath:instancePath+"/auth/keys/" + i4,schemaPath:"#/properties/auth/properties/keys/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.auth.properties.keys.items,data:data18};
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
const err29 = {instancePath:instancePath+"/auth/keys/" + i4,schemaPath:"#/properties/auth/properties/keys/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.auth.properties.keys.items.type,parentSchema:schema30.properties.auth.properties.keys.items,data:data18};
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
const err30 = {instancePath:instancePath+"/auth/keys",schemaPath:"#/properties/auth/properties/keys/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.auth.properties.keys.type,parentSchema:schema30.properties.auth.properties.keys,data:data17};
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
const err31 = {instancePath:instancePath+"/auth",schemaPath:"#/properties/auth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.auth.type,parentSchema:schema30.properties.auth,data:data16};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.cors !== undefined){
let data19 = data.cors;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key5 in data19){
if(!(key5 === "allow_origins")){
const err32 = {instancePath:instancePath+"/cors",schemaPath:"#/properties/cors/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema30.properties.cors,data:data19};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data19.allow_origins !== undefined){
let data20 = data19.allow_origins;
if(Array.isArray(data20)){
const len4 = data20.length;
for(let i5=0; i5<len4; i5++){
let data21 = data20[i5];
if(typeof data21 === "string"){
if(func2(data21) < 1){
const err33 = {instancePath:instancePath+"/cors/allow_origins/" + i5,schemaPath:"#/properties/cors/properties/allow_origins/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.cors.properties.allow_origins.items,data:data21};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/cors/allow_origins/" + i5,schemaPath:"#/properties/cors/properties/allow_origins/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.cors.properties.allow_origins.items.type,parentSchema:schema30.properties.cors.properties.allow_origins.items,data:data21};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/cors/allow_origins",schemaPath:"#/properties/cors/properties/allow_origins/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema30.properties.cors.properties.allow_origins.type,parentSchema:schema30.properties.cors.properties.allow_origins,data:data20};
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
else {
const err36 = {instancePath:instancePath+"/cors",schemaPath:"#/properties/cors/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.cors.type,parentSchema:schema30.properties.cors,data:data19};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.rate_limit !== undefined){
let data22 = data.rate_limit;
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
for(const key6 in data22){
if(!((key6 === "rpm") || (key6 === "tpm"))){
const err37 = {instancePath:instancePath+"/rate_limit",schemaPath:"#/properties/rate_limit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema30.properties.rate_limit,data:data22};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data22.rpm !== undefined){
let data23 = data22.rpm;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
const err38 = {instancePath:instancePath+"/rate_limit/rpm",schemaPath:"#/properties/rate_limit/properties/rpm/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema30.properties.rate_limit.properties.rpm.type,parentSchema:schema30.properties.rate_limit.properties.rpm,data:data23};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if((typeof data23 == "number") && (isFinite(data23))){
if(data23 < 1 || isNaN(data23)){
const err39 = {instancePath:instancePath+"/rate_limit/rpm",schemaPath:"#/properties/rate_limit/properties/rpm/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema30.properties.rate_limit.properties.rpm,data:data23};
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
if(data22.tpm !== undefined){
let data24 = data22.tpm;
if(!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24)))){
const err40 = {instancePath:instancePath+"/rate_limit/tpm",schemaPath:"#/properties/rate_limit/properties/tpm/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema30.properties.rate_limit.properties.tpm.type,parentSchema:schema30.properties.rate_limit.properties.tpm,data:data24};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if((typeof data24 == "number") && (isFinite(data24))){
if(data24 < 1 || isNaN(data24)){
const err41 = {instancePath:instancePath+"/rate_limit/tpm",schemaPath:"#/properties/rate_limit/properties/tpm/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema30.properties.rate_limit.properties.tpm,data:data24};
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
const err42 = {instancePath:instancePath+"/rate_limit",schemaPath:"#/properties/rate_limit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.rate_limit.type,parentSchema:schema30.properties.rate_limit,data:data22};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data.fleet !== undefined){
let data25 = data.fleet;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
for(const key7 in data25){
if(!(((key7 === "namespace") || (key7 === "redis_timeout_ms")) || (key7 === "sync_interval_ms"))){
const err43 = {instancePath:instancePath+"/fleet",schemaPath:"#/properties/fleet/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema30.properties.fleet,data:data25};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data25.namespace !== undefined){
let data26 = data25.namespace;
if(typeof data26 === "string"){
if(func2(data26) < 1){
const err44 = {instancePath:instancePath+"/fleet/namespace",schemaPath:"#/properties/fleet/properties/namespace/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.fleet.properties.namespace,data:data26};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(!pattern1.test(data26)){
const err45 = {instancePath:instancePath+"/fleet/namespace",schemaPath:"#/properties/fleet/properties/namespace/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.-]+$"},message:"must match pattern \""+"^[A-Za-z0-9_.-]+$"+"\"",schema:"^[A-Za-z0-9_.-]+$",parentSchema:schema30.properties.fleet.properties.namespace,data:data26};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/fleet/namespace",schemaPath:"#/properties/fleet/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.fleet.properties.namespace.type,parentSchema:schema30.properties.fleet.properties.namespace,data:data26};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data25.redis_timeout_ms !== undefined){
let data27 = data25.redis_timeout_ms;
if((typeof data27 == "number") && (isFinite(data27))){
if(data27 <= 0 || isNaN(data27)){
const err47 = {instancePath:instancePath+"/fleet/redis_timeout_ms",schemaPath:"#/properties/fleet/properties/redis_timeout_ms/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema30.properties.fleet.properties.redis_timeout_ms,data:data27};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
else {
const err48 = {instancePath:instancePath+"/fleet/redis_timeout_ms",schemaPath:"#/properties/fleet/properties/redis_timeout_ms/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema30.properties.fleet.properties.redis_timeout_ms.type,parentSchema:schema30.properties.fleet.properties.redis_timeout_ms,data:data27};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data25.sync_interval_ms !== undefined){
let data28 = data25.sync_interval_ms;
if((typeof data28 == "number") && (isFinite(data28))){
if(data28 < 10 || isNaN(data28)){
const err49 = {instancePath:instancePath+"/fleet/sync_interval_ms",schemaPath:"#/properties/fleet/properties/sync_interval_ms/minimum",keyword:"minimum",params:{comparison: ">=", limit: 10},message:"must be >= 10",schema:10,parentSchema:schema30.properties.fleet.properties.sync_interval_ms,data:data28};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
else {
const err50 = {instancePath:instancePath+"/fleet/sync_interval_ms",schemaPath:"#/properties/fleet/properties/sync_interval_ms/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema30.properties.fleet.properties.sync_interval_ms.type,parentSchema:schema30.properties.fleet.properties.sync_interval_ms,data:data28};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/fleet",schemaPath:"#/properties/fleet/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.fleet.type,parentSchema:schema30.properties.fleet,data:data25};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.type,parentSchema:schema30,data};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://rainymodel.dev/schemas/litellm-config.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.model_list === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model_list"},message:"must have required property '"+"model_list"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.model_list !== undefined){
let data0 = data.model_list;
if(Array.isArray(data0)){
if(data0.length < 1){
const err1 = {instancePath:instancePath+"/model_list",schemaPath:"#/properties/model_list/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.model_list,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(!(validate11(data0[i0], {instancePath:instancePath+"/model_list/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath:instancePath+"/model_list",schemaPath:"#/properties/model_list/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.model_list.type,parentSchema:schema11.properties.model_list,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.router_settings !== undefined){
let data2 = data.router_settings;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.routing_strategy !== undefined){
let data3 = data2.routing_strategy;
if(!((((((data3 === "simple-shuffle") || (data3 === "least-busy")) || (data3 === "usage-based-routing")) || (data3 === "usage-based-routing-v2")) || (data3 === "latency-based-routing")) || (data3 === "cost-based-routing"))){
const err3 = {instancePath:instancePath+"/router_settings/routing_strategy",schemaPath:"#/definitions/routingStrategy/enum",keyword:"enum",params:{allowedValues: schema19.enum},message:"must be equal to one of the allowed values",schema:schema19.enum,parentSchema:schema19,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data2.num_retries !== undefined){
let data4 = data2.num_retries;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err4 = {instancePath:instancePath+"/router_settings/num_retries",schemaPath:"#/definitions/nonNegInt/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.type,parentSchema:schema13,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err5 = {instancePath:instancePath+"/router_settings/num_retries",schemaPath:"#/definitions/nonNegInt/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
if(data2.retry_after !== undefined){
let data5 = data2.retry_after;
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err6 = {instancePath:instancePath+"/router_settings/retry_after",schemaPath:"#/properties/router_settings/properties/retry_after/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.router_settings.properties.retry_after,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/router_settings/retry_after",schemaPath:"#/properties/router_settings/properties/retry_after/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.router_settings.properties.retry_after.type,parentSchema:schema11.properties.router_settings.properties.retry_after,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.timeout !== undefined){
let data6 = data2.timeout;
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 <= 0 || isNaN(data6)){
const err8 = {instancePath:instancePath+"/router_settings/timeout",schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema15,data:data6};
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
const err9 = {instancePath:instancePath+"/router_settings/timeout",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.type,parentSchema:schema15,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.stream_timeout !== undefined){
let data7 = data2.stream_timeout;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 <= 0 || isNaN(data7)){
const err10 = {instancePath:instancePath+"/router_settings/stream_timeout",schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema15,data:data7};
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
const err11 = {instancePath:instancePath+"/router_settings/stream_timeout",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.type,parentSchema:schema15,data:data7};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.allowed_fails !== undefined){
let data8 = data2.allowed_fails;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err12 = {instancePath:instancePath+"/router_settings/allowed_fails",schemaPath:"#/definitions/nonNegInt/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.type,parentSchema:schema13,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err13 = {instancePath:instancePath+"/router_settings/allowed_fails",schemaPath:"#/definitions/nonNegInt/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data8};
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
if(data2.cooldown_time !== undefined){
let data9 = data2.cooldown_time;
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
const err14 = {instancePath:instancePath+"/router_settings/cooldown_time",schemaPath:"#/properties/router_settings/properties/cooldown_time/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.router_settings.properties.cooldown_time,data:data9};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/router_settings/cooldown_time",schemaPath:"#/properties/router_settings/properties/cooldown_time/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.router_settings.properties.cooldown_time.type,parentSchema:schema11.properties.router_settings.properties.cooldown_time,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data2.disable_cooldowns !== undefined){
let data10 = data2.disable_cooldowns;
if(typeof data10 !== "boolean"){
const err16 = {instancePath:instancePath+"/router_settings/disable_cooldowns",schemaPath:"#/properties/router_settings/properties/disable_cooldowns/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.router_settings.properties.disable_cooldowns.type,parentSchema:schema11.properties.router_settings.properties.disable_cooldowns,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data2.fallbacks !== undefined){
let data11 = data2.fallbacks;
if(Array.isArray(data11)){
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
let data12 = data11[i1];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(Object.keys(data12).length > 1){
const err17 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1,schemaPath:"#/definitions/fallbackList/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema24.items,data:data12};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(Object.keys(data12).length < 1){
const err18 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1,schemaPath:"#/definitions/fallbackList/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema24.items,data:data12};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
for(const key0 in data12){
let data13 = data12[key0];
if(Array.isArray(data13)){
const len2 = data13.length;
for(let i2=0; i2<len2; i2++){
let data14 = data13[i2];
if(typeof data14 === "string"){
if(func2(data14) < 1){
const err19 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.items.additionalProperties.items,data:data14};
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
const err20 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.items.additionalProperties.items.type,parentSchema:schema24.items.additionalProperties.items,data:data14};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/fallbackList/items/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.items.additionalProperties.type,parentSchema:schema24.items.additionalProperties,data:data13};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1,schemaPath:"#/definitions/fallbackList/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.items.type,parentSchema:schema24.items,data:data12};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/router_settings/fallbacks",schemaPath:"#/definitions/fallbackList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.type,parentSchema:schema24,data:data11};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data2.context_window_fallbacks !== undefined){
let data15 = data2.context_window_fallbacks;
if(Array.isArray(data15)){
const len3 = data15.length;
for(let i3=0; i3<len3; i3++){
let data16 = data15[i3];
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(Object.keys(data16).length > 1){
const err24 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3,schemaPath:"#/definitions/fallbackList/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema24.items,data:data16};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(Object.keys(data16).length < 1){
const err25 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3,schemaPath:"#/definitions/fallbackList/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema24.items,data:data16};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
for(const key1 in data16){
let data17 = data16[key1];
if(Array.isArray(data17)){
const len4 = data17.length;
for(let i4=0; i4<len4; i4++){
let data18 = data17[i4];
if(typeof data18 === "string"){
if(func2(data18) < 1){
const err26 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i4,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.items.additionalProperties.items,data:data18};
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
const err27 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i4,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.items.additionalProperties.items.type,parentSchema:schema24.items.additionalProperties.items,data:data18};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/fallbackList/items/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.items.additionalProperties.type,parentSchema:schema24.items.additionalProperties,data:data17};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3,schemaPath:"#/definitions/fallbackList/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.items.type,parentSchema:schema24.items,data:data16};
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
const err30 = {instancePath:instancePath+"/router_settings/context_window_fallbacks",schemaPath:"#/definitions/fallbackList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.type,parentSchema:schema24,data:data15};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data2.content_policy_fallbacks !== undefined){
let data19 = data2.content_policy_fallbacks;
if(Array.isArray(data19)){
const len5 = data19.length;
for(let i5=0; i5<len5; i5++){
let data20 = data19[i5];
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(Object.keys(data20).length > 1){
const err31 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5,schemaPath:"#/definitions/fallbackList/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema24.items,data:data20};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(Object.keys(data20).length < 1){
const err32 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5,schemaPath:"#/definitions/fallbackList/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema24.items,data:data20};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
for(const key2 in data20){
let data21 = data20[key2];
if(Array.isArray(data21)){
const len6 = data21.length;
for(let i6=0; i6<len6; i6++){
let data22 = data21[i6];
if(typeof data22 === "string"){
if(func2(data22) < 1){
const err33 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5+"/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i6,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema24.items.additionalProperties.items,data:data22};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5+"/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i6,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.items.additionalProperties.items.type,parentSchema:schema24.items.additionalProperties.items,data:data22};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5+"/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/fallbackList/items/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.items.additionalProperties.type,parentSchema:schema24.items.additionalProperties,data:data21};
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
else {
const err36 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5,schemaPath:"#/definitions/fallbackList/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.items.type,parentSchema:schema24.items,data:data20};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks",schemaPath:"#/definitions/fallbackList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.type,parentSchema:schema24,data:data19};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data2.default_fallbacks !== undefined){
let data23 = data2.default_fallbacks;
if(Array.isArray(data23)){
const len7 = data23.length;
for(let i7=0; i7<len7; i7++){
let data24 = data23[i7];
if(typeof data24 === "string"){
if(func2(data24) < 1){
const err38 = {instancePath:instancePath+"/router_settings/default_fallbacks/" + i7,schemaPath:"#/properties/router_settings/properties/default_fallbacks/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.router_settings.properties.default_fallbacks.items,data:data24};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/router_settings/default_fallbacks/" + i7,schemaPath:"#/properties/router_settings/properties/default_fallbacks/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.router_settings.properties.default_fallbacks.items.type,parentSchema:schema11.properties.router_settings.properties.default_fallbacks.items,data:data24};
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
else {
const err40 = {instancePath:instancePath+"/router_settings/default_fallbacks",schemaPath:"#/properties/router_settings/properties/default_fallbacks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.router_settings.properties.default_fallbacks.type,parentSchema:schema11.properties.router_settings.properties.default_fallbacks,data:data23};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data2.max_fallbacks !== undefined){
let data25 = data2.max_fallbacks;
if(!(((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25))) && (isFinite(data25)))){
const err41 = {instancePath:instancePath+"/router_settings/max_fallbacks",schemaPath:"#/definitions/nonNegInt/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.type,parentSchema:schema13,data:data25};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if((typeof data25 == "number") && (isFinite(data25))){
if(data25 < 0 || isNaN(data25)){
const err42 = {instancePath:instancePath+"/router_settings/max_fallbacks",schemaPath:"#/definitions/nonNegInt/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data25};
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
if(data2.enable_pre_call_checks !== undefined){
let data26 = data2.enable_pre_call_checks;
if(typeof data26 !== "boolean"){
const err43 = {instancePath:instancePath+"/router_settings/enable_pre_call_checks",schemaPath:"#/properties/router_settings/properties/enable_pre_call_checks/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.router_settings.properties.enable_pre_call_checks.type,parentSchema:schema11.properties.router_settings.properties.enable_pre_call_checks,data:data26};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data2.model_group_alias !== undefined){
let data27 = data2.model_group_alias;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key3 in data27){
let data28 = data27[key3];
const _errs69 = errors;
let valid31 = false;
let passing0 = null;
const _errs70 = errors;
if(typeof data28 === "string"){
if(func2(data28) < 1){
const err44 = {instancePath:instancePath+"/router_settings/model_group_alias/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/router_settings/properties/model_group_alias/additionalProperties/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf[0],data:data28};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/router_settings/model_group_alias/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/router_settings/properties/model_group_alias/additionalProperties/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf[0].type,parentSchema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf[0],data:data28};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var _valid0 = _errs70 === errors;
if(_valid0){
valid31 = true;
passing0 = 0;
}
const _errs72 = errors;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.model === undefined){
const err46 = {instancePath:instancePath+"/router_settings/model_group_alias/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/router_settings/properties/model_group_alias/additionalProperties/oneOf/1/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf[1].required,parentSchema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf[1],data:data28};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(data28.model !== undefined){
let data29 = data28.model;
if(typeof data29 !== "string"){
const err47 = {instancePath:instancePath+"/router_settings/model_group_alias/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/model",schemaPath:"#/properties/router_settings/properties/model_group_alias/additionalProperties/oneOf/1/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf[1].properties.model.type,parentSchema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf[1].properties.model,data:data29};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data28.hidden !== undefined){
let data30 = data28.hidden;
if(typeof data30 !== "boolean"){
const err48 = {instancePath:instancePath+"/router_settings/model_group_alias/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/hidden",schemaPath:"#/properties/router_settings/properties/model_group_alias/additionalProperties/oneOf/1/properties/hidden/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf[1].properties.hidden.type,parentSchema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf[1].properties.hidden,data:data30};
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
const err49 = {instancePath:instancePath+"/router_settings/model_group_alias/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/router_settings/properties/model_group_alias/additionalProperties/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf[1].type,parentSchema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf[1],data:data28};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
var _valid0 = _errs72 === errors;
if(_valid0 && valid31){
valid31 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid31 = true;
passing0 = 1;
}
}
if(!valid31){
const err50 = {instancePath:instancePath+"/router_settings/model_group_alias/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/router_settings/properties/model_group_alias/additionalProperties/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.oneOf,parentSchema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties,data:data28};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
else {
errors = _errs69;
if(vErrors !== null){
if(_errs69){
vErrors.length = _errs69;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err51 = {instancePath:instancePath+"/router_settings/model_group_alias",schemaPath:"#/properties/router_settings/properties/model_group_alias/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.router_settings.properties.model_group_alias.type,parentSchema:schema11.properties.router_settings.properties.model_group_alias,data:data27};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data2.redis_host !== undefined){
let data31 = data2.redis_host;
if(typeof data31 !== "string"){
const err52 = {instancePath:instancePath+"/router_settings/redis_host",schemaPath:"#/properties/router_settings/properties/redis_host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.router_settings.properties.redis_host.type,parentSchema:schema11.properties.router_settings.properties.redis_host,data:data31};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data2.redis_port !== undefined){
let data32 = data2.redis_port;
if((!(((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32))) && (isFinite(data32)))) && (typeof data32 !== "string")){
const err53 = {instancePath:instancePath+"/router_settings/redis_port",schemaPath:"#/properties/router_settings/properties/redis_port/type",keyword:"type",params:{type: schema11.properties.router_settings.properties.redis_port.type},message:"must be integer,string",schema:schema11.properties.router_settings.properties.redis_port.type,parentSchema:schema11.properties.router_settings.properties.redis_port,data:data32};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data2.redis_password !== undefined){
let data33 = data2.redis_password;
if(typeof data33 !== "string"){
const err54 = {instancePath:instancePath+"/router_settings/redis_password",schemaPath:"#/properties/router_settings/properties/redis_password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.router_settings.properties.redis_password.type,parentSchema:schema11.properties.router_settings.properties.redis_password,data:data33};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data2.redis_db !== undefined){
let data34 = data2.redis_db;
if((!(((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34))) && (isFinite(data34)))) && (typeof data34 !== "string")){
const err55 = {instancePath:instancePath+"/router_settings/redis_db",schemaPath:"#/properties/router_settings/properties/redis_db/type",keyword:"type",params:{type: schema11.properties.router_settings.properties.redis_db.type},message:"must be integer,string",schema:schema11.properties.router_settings.properties.redis_db.type,parentSchema:schema11.properties.router_settings.properties.redis_db,data:data34};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
else {
const err56 = {instancePath:instancePath+"/router_settings",schemaPath:"#/properties/router_settings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.router_settings.type,parentSchema:schema11.properties.router_settings,data:data2};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data.litellm_settings !== undefined){
let data35 = data.litellm_settings;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
if(data35.drop_params !== undefined){
let data36 = data35.drop_params;
if(typeof data36 !== "boolean"){
const err57 = {instancePath:instancePath+"/litellm_settings/drop_params",schemaPath:"#/properties/litellm_settings/properties/drop_params/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.litellm_settings.properties.drop_params.type,parentSchema:schema11.properties.litellm_settings.properties.drop_params,data:data36};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data35.num_retries !== undefined){
let data37 = data35.num_retries;
if(!(((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37))) && (isFinite(data37)))){
const err58 = {instancePath:instancePath+"/litellm_settings/num_retries",schemaPath:"#/definitions/nonNegInt/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.type,parentSchema:schema13,data:data37};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if((typeof data37 == "number") && (isFinite(data37))){
if(data37 < 0 || isNaN(data37)){
const err59 = {instancePath:instancePath+"/litellm_settings/num_retries",schemaPath:"#/definitions/nonNegInt/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data37};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
if(data35.request_timeout !== undefined){
let data38 = data35.request_timeout;
if((typeof data38 == "number") && (isFinite(data38))){
if(data38 <= 0 || isNaN(data38)){
const err60 = {instancePath:instancePath+"/litellm_settings/request_timeout",schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema15,data:data38};
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
const err61 = {instancePath:instancePath+"/litellm_settings/request_timeout",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.type,parentSchema:schema15,data:data38};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data35.json_logs !== undefined){
let data39 = data35.json_logs;
if(typeof data39 !== "boolean"){
const err62 = {instancePath:instancePath+"/litellm_settings/json_logs",schemaPath:"#/properties/litellm_settings/properties/json_logs/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.litellm_settings.properties.json_logs.type,parentSchema:schema11.properties.litellm_settings.properties.json_logs,data:data39};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data35.cache !== undefined){
let data40 = data35.cache;
if(typeof data40 !== "boolean"){
const err63 = {instancePath:instancePath+"/litellm_settings/cache",schemaPath:"#/properties/litellm_settings/properties/cache/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.litellm_settings.properties.cache.type,parentSchema:schema11.properties.litellm_settings.properties.cache,data:data40};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data35.cache_params !== undefined){
let data41 = data35.cache_params;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.type !== undefined){
let data42 = data41.type;
if(!(((((((data42 === "local") || (data42 === "redis")) || (data42 === "redis-semantic")) || (data42 === "qdrant-semantic")) || (data42 === "s3")) || (data42 === "gcs")) || (data42 === "disk"))){
const err64 = {instancePath:instancePath+"/litellm_settings/cache_params/type",schemaPath:"#/properties/litellm_settings/properties/cache_params/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.litellm_settings.properties.cache_params.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.litellm_settings.properties.cache_params.properties.type.enum,parentSchema:schema11.properties.litellm_settings.properties.cache_params.properties.type,data:data42};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data41.host !== undefined){
let data43 = data41.host;
if(typeof data43 !== "string"){
const err65 = {instancePath:instancePath+"/litellm_settings/cache_params/host",schemaPath:"#/properties/litellm_settings/properties/cache_params/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.litellm_settings.properties.cache_params.properties.host.type,parentSchema:schema11.properties.litellm_settings.properties.cache_params.properties.host,data:data43};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data41.port !== undefined){
let data44 = data41.port;
if((!(((typeof data44 == "number") && (!(data44 % 1) && !isNaN(data44))) && (isFinite(data44)))) && (typeof data44 !== "string")){
const err66 = {instancePath:instancePath+"/litellm_settings/cache_params/port",schemaPath:"#/properties/litellm_settings/properties/cache_params/properties/port/type",keyword:"type",params:{type: schema11.properties.litellm_settings.properties.cache_params.properties.port.type},message:"must be integer,string",schema:schema11.properties.litellm_settings.properties.cache_params.properties.port.type,parentSchema:schema11.properties.litellm_settings.properties.cache_params.properties.port,data:data44};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data41.password !== undefined){
let data45 = data41.password;
if(typeof data45 !== "string"){
const err67 = {instancePath:instancePath+"/litellm_settings/cache_params/password",schemaPath:"#/properties/litellm_settings/properties/cache_params/properties/password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.litellm_settings.properties.cache_params.properties.password.type,parentSchema:schema11.properties.litellm_settings.properties.cache_params.properties.password,data:data45};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data41.ttl !== undefined){
let data46 = data41.ttl;
if((typeof data46 == "number") && (isFinite(data46))){
if(data46 < 0 || isNaN(data46)){
const err68 = {instancePath:instancePath+"/litellm_settings/cache_params/ttl",schemaPath:"#/properties/litellm_settings/properties/cache_params/properties/ttl/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.litellm_settings.properties.cache_params.properties.ttl,data:data46};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
else {
const err69 = {instancePath:instancePath+"/litellm_settings/cache_params/ttl",schemaPath:"#/properties/litellm_settings/properties/cache_params/properties/ttl/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.litellm_settings.properties.cache_params.properties.ttl.type,parentSchema:schema11.properties.litellm_settings.properties.cache_params.properties.ttl,data:data46};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data41.namespace !== undefined){
let data47 = data41.namespace;
if(typeof data47 !== "string"){
const err70 = {instancePath:instancePath+"/litellm_settings/cache_params/namespace",schemaPath:"#/properties/litellm_settings/properties/cache_params/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.litellm_settings.properties.cache_params.properties.namespace.type,parentSchema:schema11.properties.litellm_settings.properties.cache_params.properties.namespace,data:data47};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data41.mode !== undefined){
let data48 = data41.mode;
if(!((data48 === "default_on") || (data48 === "default_off"))){
const err71 = {instancePath:instancePath+"/litellm_settings/cache_params/mode",schemaPath:"#/properties/litellm_settings/properties/cache_params/properties/mode/enum",keyword:"enum",params:{allowedValues: schema11.properties.litellm_settings.properties.cache_params.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.litellm_settings.properties.cache_params.properties.mode.enum,parentSchema:schema11.properties.litellm_settings.properties.cache_params.properties.mode,data:data48};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
else {
const err72 = {instancePath:instancePath+"/litellm_settings/cache_params",schemaPath:"#/properties/litellm_settings/properties/cache_params/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.litellm_settings.properties.cache_params.type,parentSchema:schema11.properties.litellm_settings.properties.cache_params,data:data41};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
}
else {
const err73 = {instancePath:instancePath+"/litellm_settings",schemaPath:"#/properties/litellm_settings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.litellm_settings.type,parentSchema:schema11.properties.litellm_settings,data:data35};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data.general_settings !== undefined){
let data49 = data.general_settings;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
if(data49.master_key !== undefined){
let data50 = data49.master_key;
if(typeof data50 === "string"){
if(func2(data50) < 1){
const err74 = {instancePath:instancePath+"/general_settings/master_key",schemaPath:"#/properties/general_settings/properties/master_key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.general_settings.properties.master_key,data:data50};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
else {
const err75 = {instancePath:instancePath+"/general_settings/master_key",schemaPath:"#/properties/general_settings/properties/master_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.general_settings.properties.master_key.type,parentSchema:schema11.properties.general_settings.properties.master_key,data:data50};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data49.max_request_size_mb !== undefined){
let data51 = data49.max_request_size_mb;
if((typeof data51 == "number") && (isFinite(data51))){
if(data51 <= 0 || isNaN(data51)){
const err76 = {instancePath:instancePath+"/general_settings/max_request_size_mb",schemaPath:"#/properties/general_settings/properties/max_request_size_mb/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.general_settings.properties.max_request_size_mb,data:data51};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
else {
const err77 = {instancePath:instancePath+"/general_settings/max_request_size_mb",schemaPath:"#/properties/general_settings/properties/max_request_size_mb/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.general_settings.properties.max_request_size_mb.type,parentSchema:schema11.properties.general_settings.properties.max_request_size_mb,data:data51};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data49.background_health_checks !== undefined){
let data52 = data49.background_health_checks;
if(typeof data52 !== "boolean"){
const err78 = {instancePath:instancePath+"/general_settings/background_health_checks",schemaPath:"#/properties/general_settings/properties/background_health_checks/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.general_settings.properties.background_health_checks.type,parentSchema:schema11.properties.general_settings.properties.background_health_checks,data:data52};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
if(data49.health_check_interval !== undefined){
let data53 = data49.health_check_interval;
if((typeof data53 == "number") && (isFinite(data53))){
if(data53 < 0 || isNaN(data53)){
const err79 = {instancePath:instancePath+"/general_settings/health_check_interval",schemaPath:"#/properties/general_settings/properties/health_check_interval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.general_settings.properties.health_check_interval,data:data53};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
else {
const err80 = {instancePath:instancePath+"/general_settings/health_check_interval",schemaPath:"#/properties/general_settings/properties/health_check_interval/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.general_settings.properties.health_check_interval.type,parentSchema:schema11.properties.general_settings.properties.health_check_interval,data:data53};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
else {
const err81 = {instancePath:instancePath+"/general_settings",schemaPath:"#/properties/general_settings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.general_settings.type,parentSchema:schema11.properties.general_settings,data:data49};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data.environment_variables !== undefined){
let data54 = data.environment_variables;
if(data54 && typeof data54 == "object" && !Array.isArray(data54)){
for(const key4 in data54){
let data55 = data54[key4];
if(((typeof data55 !== "string") && (!((typeof data55 == "number") && (isFinite(data55))))) && (typeof data55 !== "boolean")){
const err82 = {instancePath:instancePath+"/environment_variables/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/environment_variables/additionalProperties/type",keyword:"type",params:{type: schema11.properties.environment_variables.additionalProperties.type},message:"must be string,number,boolean",schema:schema11.properties.environment_variables.additionalProperties.type,parentSchema:schema11.properties.environment_variables.additionalProperties,data:data55};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
}
else {
const err83 = {instancePath:instancePath+"/environment_variables",schemaPath:"#/properties/environment_variables/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.environment_variables.type,parentSchema:schema11.properties.environment_variables,data:data54};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data.rainymodel !== undefined){
if(!(validate13(data.rainymodel, {instancePath:instancePath+"/rainymodel",parentData:data,parentDataProperty:"rainymodel",rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
}
else {
const err84 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

