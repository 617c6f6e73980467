// Generated from schemas/providers.schema.json by ajv's standalone code generation (src/shared/schema-codegen.ts). Do not edit: run `npm run gen:validators`.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://rainymodel.dev/schemas/providers.schema.json","title":"RainyModel provider registry (providers/providers.yaml)","description":"Every LLM backend: its type, tier, status, base URL, credentials (environment-variable names, never values), limits and models. Accepts the registry format teams already keep, documentation fields included.","type":"object","required":["providers"],"additionalProperties":false,"properties":{"providers":{"type":"object","minProperties":1,"propertyNames":{"pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]*$"},"additionalProperties":{"$ref":"#/definitions/provider"}},"metadata":{"type":"object","description":"Free-form documentation; has no effect."},"health_checks":{"type":"object","description":"Free-form documentation of the team's own health checks; has no effect on routing."}},"definitions":{"envName":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"},"seconds":{"type":"number","exclusiveMinimum":0},"provider":{"type":"object","required":["type"],"additionalProperties":false,"properties":{"type":{"enum":["ollama","llama_cpp","vllm","openai","anthropic","openai_compatible","gemini","deepseek","xai","openrouter","huggingface","tool_server","web_ui"],"description":"Decides the LiteLLM prefix and the api_base rules. tool_server and web_ui are services a registry may list beside its model servers: accepted, left out of the compiled file."},"tier":{"enum":["free","internal","direct","premium"],"description":"Routing tier; policies order tiers. Default: from the type (local servers internal, API providers direct, openrouter premium, huggingface free)."},"status":{"enum":["active","disabled","pending_integration","template"],"default":"active"},"base_url":{"type":"string","minLength":1,"description":"May use ${VAR} or ${VAR:-default}; expanded at deploy/serve time."},"api_keys":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/envName"},"description":"Names of environment variables holding keys, used in rotation."},"api_key_env":{"$ref":"#/definitions/envName","description":"Name of the environment variable holding the key."},"env_var":{"$ref":"#/definitions/envName","description":"Legacy spelling of api_key_env."},"api_key":{"type":"string","description":"Only os.environ/VAR, ${VAR} or a non-secret placeholder such as `not-needed`; a literal key is an error."},"requires_api_key":{"type":"boolean"},"rate_limits":{"type":"object","additionalProperties":false,"properties":{"rpm":{"type":"integer","minimum":1},"tpm":{"type":"integer","minimum":1},"requests_per_minute":{"type":"integer","minimum":1},"tokens_per_minute":{"type":"integer","minimum":1},"hourly":{"type":["boolean","integer"]},"daily":{"type":["boolean","integer"]},"details":{"type":"string"}}},"timeout":{"$ref":"#/definitions/seconds"},"stream_timeout":{"$ref":"#/definitions/seconds"},"weight":{"type":"number","exclusiveMinimum":0},"max_parallel_requests":{"type":"integer","minimum":1},"description":{"type":"string"},"notes":{"type":"string"},"docs":{"type":"string"},"features":{"type":"array","items":{"type":"string"}},"location":{"type":"string"},"service_file":{"type":"string"},"health_endpoint":{"type":"string","pattern":"^/"},"api_format":{"type":"string"},"configuration":{"type":"object"},"hardware_requirements":{"type":"object"},"gpu_memory_utilization":{"type":"number"},"max_model_len":{"type":"integer"},"cost_per_1k_tokens":{"type":"object"},"models":{"type":["array","null"],"items":{"$ref":"#/definitions/model"}}}},"model":{"type":["string","object"],"minLength":1,"required":["name"],"additionalProperties":false,"properties":{"name":{"type":"string","minLength":1},"mode":{"enum":["chat","completion","embedding"]},"description":{"type":"string"},"notes":{"type":"string"},"size":{"type":["string","number"]},"quantization":{"type":"string"},"pulled_at":{"type":"string"},"specialty":{"type":"string"},"context_length":{"type":"integer","minimum":1},"tags":{"type":"array","items":{"type":["string","number"]}},"model_size_gb":{"type":"number"},"kv_cache_available_gb":{"type":"number"},"supports_vision":{"type":"boolean"},"supports_function_calling":{"type":"boolean"},"supports_tool_use":{"type":"boolean"},"keep_alive":{"type":["string","number"]},"options":{"type":"object","description":"Ollama model options, sent with every request."}}}}};
const pattern0 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.-]*$", "u");
const schema12 = {"type":"object","required":["type"],"additionalProperties":false,"properties":{"type":{"enum":["ollama","llama_cpp","vllm","openai","anthropic","openai_compatible","gemini","deepseek","xai","openrouter","huggingface","tool_server","web_ui"],"description":"Decides the LiteLLM prefix and the api_base rules. tool_server and web_ui are services a registry may list beside its model servers: accepted, left out of the compiled file."},"tier":{"enum":["free","internal","direct","premium"],"description":"Routing tier; policies order tiers. Default: from the type (local servers internal, API providers direct, openrouter premium, huggingface free)."},"status":{"enum":["active","disabled","pending_integration","template"],"default":"active"},"base_url":{"type":"string","minLength":1,"description":"May use ${VAR} or ${VAR:-default}; expanded at deploy/serve time."},"api_keys":{"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/envName"},"description":"Names of environment variables holding keys, used in rotation."},"api_key_env":{"$ref":"#/definitions/envName","description":"Name of the environment variable holding the key."},"env_var":{"$ref":"#/definitions/envName","description":"Legacy spelling of api_key_env."},"api_key":{"type":"string","description":"Only os.environ/VAR, ${VAR} or a non-secret placeholder such as `not-needed`; a literal key is an error."},"requires_api_key":{"type":"boolean"},"rate_limits":{"type":"object","additionalProperties":false,"properties":{"rpm":{"type":"integer","minimum":1},"tpm":{"type":"integer","minimum":1},"requests_per_minute":{"type":"integer","minimum":1},"tokens_per_minute":{"type":"integer","minimum":1},"hourly":{"type":["boolean","integer"]},"daily":{"type":["boolean","integer"]},"details":{"type":"string"}}},"timeout":{"$ref":"#/definitions/seconds"},"stream_timeout":{"$ref":"#/definitions/seconds"},"weight":{"type":"number","exclusiveMinimum":0},"max_parallel_requests":{"type":"integer","minimum":1},"description":{"type":"string"},"notes":{"type":"string"},"docs":{"type":"string"},"features":{"type":"array","items":{"type":"string"}},"location":{"type":"string"},"service_file":{"type":"string"},"health_endpoint":{"type":"string","pattern":"^/"},"api_format":{"type":"string"},"configuration":{"type":"object"},"hardware_requirements":{"type":"object"},"gpu_memory_utilization":{"type":"number"},"max_model_len":{"type":"integer"},"cost_per_1k_tokens":{"type":"object"},"models":{"type":["array","null"],"items":{"$ref":"#/definitions/model"}}}};
const schema13 = {"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"};
const schema16 = {"type":"number","exclusiveMinimum":0};
const schema18 = {"type":["string","object"],"minLength":1,"required":["name"],"additionalProperties":false,"properties":{"name":{"type":"string","minLength":1},"mode":{"enum":["chat","completion","embedding"]},"description":{"type":"string"},"notes":{"type":"string"},"size":{"type":["string","number"]},"quantization":{"type":"string"},"pulled_at":{"type":"string"},"specialty":{"type":"string"},"context_length":{"type":"integer","minimum":1},"tags":{"type":"array","items":{"type":["string","number"]}},"model_size_gb":{"type":"number"},"kv_cache_available_gb":{"type":"number"},"supports_vision":{"type":"boolean"},"supports_function_calling":{"type":"boolean"},"supports_tool_use":{"type":"boolean"},"keep_alive":{"type":["string","number"]},"options":{"type":"object","description":"Ollama model options, sent with every request."}}};
const func2 = Object.prototype.hasOwnProperty;
const func3 = require("ajv/dist/runtime/ucs2length").default;
const func0 = require("ajv/dist/runtime/equal").default;
const pattern1 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
const pattern4 = new RegExp("^/", "u");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema12.properties, key0))){
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
if(data.type !== undefined){
let data0 = data.type;
if(!(((((((((((((data0 === "ollama") || (data0 === "llama_cpp")) || (data0 === "vllm")) || (data0 === "openai")) || (data0 === "anthropic")) || (data0 === "openai_compatible")) || (data0 === "gemini")) || (data0 === "deepseek")) || (data0 === "xai")) || (data0 === "openrouter")) || (data0 === "huggingface")) || (data0 === "tool_server")) || (data0 === "web_ui"))){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema12.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.type.enum,parentSchema:schema12.properties.type,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.tier !== undefined){
let data1 = data.tier;
if(!((((data1 === "free") || (data1 === "internal")) || (data1 === "direct")) || (data1 === "premium"))){
const err3 = {instancePath:instancePath+"/tier",schemaPath:"#/properties/tier/enum",keyword:"enum",params:{allowedValues: schema12.properties.tier.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.tier.enum,parentSchema:schema12.properties.tier,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.status !== undefined){
let data2 = data.status;
if(!((((data2 === "active") || (data2 === "disabled")) || (data2 === "pending_integration")) || (data2 === "template"))){
const err4 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema12.properties.status.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.status.enum,parentSchema:schema12.properties.status,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.base_url !== undefined){
let data3 = data.base_url;
if(typeof data3 === "string"){
if(func3(data3) < 1){
const err5 = {instancePath:instancePath+"/base_url",schemaPath:"#/properties/base_url/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.base_url,data:data3};
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
const err6 = {instancePath:instancePath+"/base_url",schemaPath:"#/properties/base_url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.base_url.type,parentSchema:schema12.properties.base_url,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.api_keys !== undefined){
let data4 = data.api_keys;
if(Array.isArray(data4)){
if(data4.length < 1){
const err7 = {instancePath:instancePath+"/api_keys",schemaPath:"#/properties/api_keys/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.api_keys,data:data4};
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
if(typeof data5 === "string"){
if(!pattern1.test(data5)){
const err8 = {instancePath:instancePath+"/api_keys/" + i0,schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema13,data:data5};
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
const err9 = {instancePath:instancePath+"/api_keys/" + i0,schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
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
const err10 = {instancePath:instancePath+"/api_keys",schemaPath:"#/properties/api_keys/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema12.properties.api_keys,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err11 = {instancePath:instancePath+"/api_keys",schemaPath:"#/properties/api_keys/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.api_keys.type,parentSchema:schema12.properties.api_keys,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.api_key_env !== undefined){
let data6 = data.api_key_env;
if(typeof data6 === "string"){
if(!pattern1.test(data6)){
const err12 = {instancePath:instancePath+"/api_key_env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema13,data:data6};
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
const err13 = {instancePath:instancePath+"/api_key_env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.env_var !== undefined){
let data7 = data.env_var;
if(typeof data7 === "string"){
if(!pattern1.test(data7)){
const err14 = {instancePath:instancePath+"/env_var",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema13,data:data7};
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
const err15 = {instancePath:instancePath+"/env_var",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data7};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.api_key !== undefined){
let data8 = data.api_key;
if(typeof data8 !== "string"){
const err16 = {instancePath:instancePath+"/api_key",schemaPath:"#/properties/api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.api_key.type,parentSchema:schema12.properties.api_key,data:data8};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.requires_api_key !== undefined){
let data9 = data.requires_api_key;
if(typeof data9 !== "boolean"){
const err17 = {instancePath:instancePath+"/requires_api_key",schemaPath:"#/properties/requires_api_key/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema12.properties.requires_api_key.type,parentSchema:schema12.properties.requires_api_key,data:data9};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.rate_limits !== undefined){
let data10 = data.rate_limits;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key1 in data10){
if(!(((((((key1 === "rpm") || (key1 === "tpm")) || (key1 === "requests_per_minute")) || (key1 === "tokens_per_minute")) || (key1 === "hourly")) || (key1 === "daily")) || (key1 === "details"))){
const err18 = {instancePath:instancePath+"/rate_limits",schemaPath:"#/properties/rate_limits/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.rate_limits,data:data10};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data10.rpm !== undefined){
let data11 = data10.rpm;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err19 = {instancePath:instancePath+"/rate_limits/rpm",schemaPath:"#/properties/rate_limits/properties/rpm/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.rate_limits.properties.rpm.type,parentSchema:schema12.properties.rate_limits.properties.rpm,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 1 || isNaN(data11)){
const err20 = {instancePath:instancePath+"/rate_limits/rpm",schemaPath:"#/properties/rate_limits/properties/rpm/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties.rate_limits.properties.rpm,data:data11};
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
if(data10.tpm !== undefined){
let data12 = data10.tpm;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err21 = {instancePath:instancePath+"/rate_limits/tpm",schemaPath:"#/properties/rate_limits/properties/tpm/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.rate_limits.properties.tpm.type,parentSchema:schema12.properties.rate_limits.properties.tpm,data:data12};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 1 || isNaN(data12)){
const err22 = {instancePath:instancePath+"/rate_limits/tpm",schemaPath:"#/properties/rate_limits/properties/tpm/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties.rate_limits.properties.tpm,data:data12};
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
if(data10.requests_per_minute !== undefined){
let data13 = data10.requests_per_minute;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err23 = {instancePath:instancePath+"/rate_limits/requests_per_minute",schemaPath:"#/properties/rate_limits/properties/requests_per_minute/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.rate_limits.properties.requests_per_minute.type,parentSchema:schema12.properties.rate_limits.properties.requests_per_minute,data:data13};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 1 || isNaN(data13)){
const err24 = {instancePath:instancePath+"/rate_limits/requests_per_minute",schemaPath:"#/properties/rate_limits/properties/requests_per_minute/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties.rate_limits.properties.requests_per_minute,data:data13};
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
if(data10.tokens_per_minute !== undefined){
let data14 = data10.tokens_per_minute;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err25 = {instancePath:instancePath+"/rate_limits/tokens_per_minute",schemaPath:"#/properties/rate_limits/properties/tokens_per_minute/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.rate_limits.properties.tokens_per_minute.type,parentSchema:schema12.properties.rate_limits.properties.tokens_per_minute,data:data14};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 1 || isNaN(data14)){
const err26 = {instancePath:instancePath+"/rate_limits/tokens_per_minute",schemaPath:"#/properties/rate_limits/properties/tokens_per_minute/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties.rate_limits.properties.tokens_per_minute,data:data14};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
if(data10.hourly !== undefined){
let data15 = data10.hourly;
if((typeof data15 !== "boolean") && (!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15))))){
const err27 = {instancePath:instancePath+"/rate_limits/hourly",schemaPath:"#/properties/rate_limits/properties/hourly/type",keyword:"type",params:{type: schema12.properties.rate_limits.properties.hourly.type},message:"must be boolean,integer",schema:schema12.properties.rate_limits.properties.hourly.type,parentSchema:schema12.properties.rate_limits.properties.hourly,data:data15};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data10.daily !== undefined){
let data16 = data10.daily;
if((typeof data16 !== "boolean") && (!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16))))){
const err28 = {instancePath:instancePath+"/rate_limits/daily",schemaPath:"#/properties/rate_limits/properties/daily/type",keyword:"type",params:{type: schema12.properties.rate_limits.properties.daily.type},message:"must be boolean,integer",schema:schema12.properties.rate_limits.properties.daily.type,parentSchema:schema12.properties.rate_limits.properties.daily,data:data16};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data10.details !== undefined){
let data17 = data10.details;
if(typeof data17 !== "string"){
const err29 = {instancePath:instancePath+"/rate_limits/details",schemaPath:"#/properties/rate_limits/properties/details/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.rate_limits.properties.details.type,parentSchema:schema12.properties.rate_limits.properties.details,data:data17};
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
const err30 = {instancePath:instancePath+"/rate_limits",schemaPath:"#/properties/rate_limits/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.rate_limits.type,parentSchema:schema12.properties.rate_limits,data:data10};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.timeout !== undefined){
let data18 = data.timeout;
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 <= 0 || isNaN(data18)){
const err31 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema16,data:data18};
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
const err32 = {instancePath:instancePath+"/timeout",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.type,parentSchema:schema16,data:data18};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.stream_timeout !== undefined){
let data19 = data.stream_timeout;
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 <= 0 || isNaN(data19)){
const err33 = {instancePath:instancePath+"/stream_timeout",schemaPath:"#/definitions/seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema16,data:data19};
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
const err34 = {instancePath:instancePath+"/stream_timeout",schemaPath:"#/definitions/seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema16.type,parentSchema:schema16,data:data19};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.weight !== undefined){
let data20 = data.weight;
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 <= 0 || isNaN(data20)){
const err35 = {instancePath:instancePath+"/weight",schemaPath:"#/properties/weight/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema12.properties.weight,data:data20};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/weight",schemaPath:"#/properties/weight/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.weight.type,parentSchema:schema12.properties.weight,data:data20};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.max_parallel_requests !== undefined){
let data21 = data.max_parallel_requests;
if(!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21)))){
const err37 = {instancePath:instancePath+"/max_parallel_requests",schemaPath:"#/properties/max_parallel_requests/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.max_parallel_requests.type,parentSchema:schema12.properties.max_parallel_requests,data:data21};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if((typeof data21 == "number") && (isFinite(data21))){
if(data21 < 1 || isNaN(data21)){
const err38 = {instancePath:instancePath+"/max_parallel_requests",schemaPath:"#/properties/max_parallel_requests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties.max_parallel_requests,data:data21};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
if(data.description !== undefined){
let data22 = data.description;
if(typeof data22 !== "string"){
const err39 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.description.type,parentSchema:schema12.properties.description,data:data22};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.notes !== undefined){
let data23 = data.notes;
if(typeof data23 !== "string"){
const err40 = {instancePath:instancePath+"/notes",schemaPath:"#/properties/notes/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.notes.type,parentSchema:schema12.properties.notes,data:data23};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.docs !== undefined){
let data24 = data.docs;
if(typeof data24 !== "string"){
const err41 = {instancePath:instancePath+"/docs",schemaPath:"#/properties/docs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.docs.type,parentSchema:schema12.properties.docs,data:data24};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.features !== undefined){
let data25 = data.features;
if(Array.isArray(data25)){
const len1 = data25.length;
for(let i2=0; i2<len1; i2++){
let data26 = data25[i2];
if(typeof data26 !== "string"){
const err42 = {instancePath:instancePath+"/features/" + i2,schemaPath:"#/properties/features/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.features.items.type,parentSchema:schema12.properties.features.items,data:data26};
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
else {
const err43 = {instancePath:instancePath+"/features",schemaPath:"#/properties/features/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.features.type,parentSchema:schema12.properties.features,data:data25};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.location !== undefined){
let data27 = data.location;
if(typeof data27 !== "string"){
const err44 = {instancePath:instancePath+"/location",schemaPath:"#/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.location.type,parentSchema:schema12.properties.location,data:data27};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.service_file !== undefined){
let data28 = data.service_file;
if(typeof data28 !== "string"){
const err45 = {instancePath:instancePath+"/service_file",schemaPath:"#/properties/service_file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.service_file.type,parentSchema:schema12.properties.service_file,data:data28};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.health_endpoint !== undefined){
let data29 = data.health_endpoint;
if(typeof data29 === "string"){
if(!pattern4.test(data29)){
const err46 = {instancePath:instancePath+"/health_endpoint",schemaPath:"#/properties/health_endpoint/pattern",keyword:"pattern",params:{pattern: "^/"},message:"must match pattern \""+"^/"+"\"",schema:"^/",parentSchema:schema12.properties.health_endpoint,data:data29};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/health_endpoint",schemaPath:"#/properties/health_endpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.health_endpoint.type,parentSchema:schema12.properties.health_endpoint,data:data29};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data.api_format !== undefined){
let data30 = data.api_format;
if(typeof data30 !== "string"){
const err48 = {instancePath:instancePath+"/api_format",schemaPath:"#/properties/api_format/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.api_format.type,parentSchema:schema12.properties.api_format,data:data30};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data.configuration !== undefined){
let data31 = data.configuration;
if(!(data31 && typeof data31 == "object" && !Array.isArray(data31))){
const err49 = {instancePath:instancePath+"/configuration",schemaPath:"#/properties/configuration/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.configuration.type,parentSchema:schema12.properties.configuration,data:data31};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data.hardware_requirements !== undefined){
let data32 = data.hardware_requirements;
if(!(data32 && typeof data32 == "object" && !Array.isArray(data32))){
const err50 = {instancePath:instancePath+"/hardware_requirements",schemaPath:"#/properties/hardware_requirements/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.hardware_requirements.type,parentSchema:schema12.properties.hardware_requirements,data:data32};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data.gpu_memory_utilization !== undefined){
let data33 = data.gpu_memory_utilization;
if(!((typeof data33 == "number") && (isFinite(data33)))){
const err51 = {instancePath:instancePath+"/gpu_memory_utilization",schemaPath:"#/properties/gpu_memory_utilization/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.gpu_memory_utilization.type,parentSchema:schema12.properties.gpu_memory_utilization,data:data33};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data.max_model_len !== undefined){
let data34 = data.max_model_len;
if(!(((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34))) && (isFinite(data34)))){
const err52 = {instancePath:instancePath+"/max_model_len",schemaPath:"#/properties/max_model_len/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.max_model_len.type,parentSchema:schema12.properties.max_model_len,data:data34};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data.cost_per_1k_tokens !== undefined){
let data35 = data.cost_per_1k_tokens;
if(!(data35 && typeof data35 == "object" && !Array.isArray(data35))){
const err53 = {instancePath:instancePath+"/cost_per_1k_tokens",schemaPath:"#/properties/cost_per_1k_tokens/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.cost_per_1k_tokens.type,parentSchema:schema12.properties.cost_per_1k_tokens,data:data35};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data.models !== undefined){
let data36 = data.models;
if((!(Array.isArray(data36))) && (data36 !== null)){
const err54 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/type",keyword:"type",params:{type: schema12.properties.models.type},message:"must be array,null",schema:schema12.properties.models.type,parentSchema:schema12.properties.models,data:data36};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(Array.isArray(data36)){
const len2 = data36.length;
for(let i3=0; i3<len2; i3++){
let data37 = data36[i3];
if((typeof data37 !== "string") && (!(data37 && typeof data37 == "object" && !Array.isArray(data37)))){
const err55 = {instancePath:instancePath+"/models/" + i3,schemaPath:"#/definitions/model/type",keyword:"type",params:{type: schema18.type},message:"must be string,object",schema:schema18.type,parentSchema:schema18,data:data37};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if(typeof data37 === "string"){
if(func3(data37) < 1){
const err56 = {instancePath:instancePath+"/models/" + i3,schemaPath:"#/definitions/model/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18,data:data37};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
if(data37.name === undefined){
const err57 = {instancePath:instancePath+"/models/" + i3,schemaPath:"#/definitions/model/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema18.required,parentSchema:schema18,data:data37};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
for(const key2 in data37){
if(!(func2.call(schema18.properties, key2))){
const err58 = {instancePath:instancePath+"/models/" + i3,schemaPath:"#/definitions/model/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema18,data:data37};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data37.name !== undefined){
let data38 = data37.name;
if(typeof data38 === "string"){
if(func3(data38) < 1){
const err59 = {instancePath:instancePath+"/models/" + i3+"/name",schemaPath:"#/definitions/model/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.properties.name,data:data38};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
else {
const err60 = {instancePath:instancePath+"/models/" + i3+"/name",schemaPath:"#/definitions/model/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.name.type,parentSchema:schema18.properties.name,data:data38};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data37.mode !== undefined){
let data39 = data37.mode;
if(!(((data39 === "chat") || (data39 === "completion")) || (data39 === "embedding"))){
const err61 = {instancePath:instancePath+"/models/" + i3+"/mode",schemaPath:"#/definitions/model/properties/mode/enum",keyword:"enum",params:{allowedValues: schema18.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema18.properties.mode.enum,parentSchema:schema18.properties.mode,data:data39};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data37.description !== undefined){
let data40 = data37.description;
if(typeof data40 !== "string"){
const err62 = {instancePath:instancePath+"/models/" + i3+"/description",schemaPath:"#/definitions/model/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.description.type,parentSchema:schema18.properties.description,data:data40};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data37.notes !== undefined){
let data41 = data37.notes;
if(typeof data41 !== "string"){
const err63 = {instancePath:instancePath+"/models/" + i3+"/notes",schemaPath:"#/definitions/model/properties/notes/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.notes.type,parentSchema:schema18.properties.notes,data:data41};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data37.size !== undefined){
let data42 = data37.size;
if((typeof data42 !== "string") && (!((typeof data42 == "number") && (isFinite(data42))))){
const err64 = {instancePath:instancePath+"/models/" + i3+"/size",schemaPath:"#/definitions/model/properties/size/type",keyword:"type",params:{type: schema18.properties.size.type},message:"must be string,number",schema:schema18.properties.size.type,parentSchema:schema18.properties.size,data:data42};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data37.quantization !== undefined){
let data43 = data37.quantization;
if(typeof data43 !== "string"){
const err65 = {instancePath:instancePath+"/models/" + i3+"/quantization",schemaPath:"#/definitions/model/properties/quantization/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.quantization.type,parentSchema:schema18.properties.quantization,data:data43};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data37.pulled_at !== undefined){
let data44 = data37.pulled_at;
if(typeof data44 !== "string"){
const err66 = {instancePath:instancePath+"/models/" + i3+"/pulled_at",schemaPath:"#/definitions/model/properties/pulled_at/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.pulled_at.type,parentSchema:schema18.properties.pulled_at,data:data44};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data37.specialty !== undefined){
let data45 = data37.specialty;
if(typeof data45 !== "string"){
const err67 = {instancePath:instancePath+"/models/" + i3+"/specialty",schemaPath:"#/definitions/model/properties/specialty/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.specialty.type,parentSchema:schema18.properties.specialty,data:data45};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data37.context_length !== undefined){
let data46 = data37.context_length;
if(!(((typeof data46 == "number") && (!(data46 % 1) && !isNaN(data46))) && (isFinite(data46)))){
const err68 = {instancePath:instancePath+"/models/" + i3+"/context_length",schemaPath:"#/definitions/model/properties/context_length/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema18.properties.context_length.type,parentSchema:schema18.properties.context_length,data:data46};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
if((typeof data46 == "number") && (isFinite(data46))){
if(data46 < 1 || isNaN(data46)){
const err69 = {instancePath:instancePath+"/models/" + i3+"/context_length",schemaPath:"#/definitions/model/properties/context_length/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema18.properties.context_length,data:data46};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
}
if(data37.tags !== undefined){
let data47 = data37.tags;
if(Array.isArray(data47)){
const len3 = data47.length;
for(let i4=0; i4<len3; i4++){
let data48 = data47[i4];
if((typeof data48 !== "string") && (!((typeof data48 == "number") && (isFinite(data48))))){
const err70 = {instancePath:instancePath+"/models/" + i3+"/tags/" + i4,schemaPath:"#/definitions/model/properties/tags/items/type",keyword:"type",params:{type: schema18.properties.tags.items.type},message:"must be string,number",schema:schema18.properties.tags.items.type,parentSchema:schema18.properties.tags.items,data:data48};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath:instancePath+"/models/" + i3+"/tags",schemaPath:"#/definitions/model/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.properties.tags.type,parentSchema:schema18.properties.tags,data:data47};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data37.model_size_gb !== undefined){
let data49 = data37.model_size_gb;
if(!((typeof data49 == "number") && (isFinite(data49)))){
const err72 = {instancePath:instancePath+"/models/" + i3+"/model_size_gb",schemaPath:"#/definitions/model/properties/model_size_gb/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema18.properties.model_size_gb.type,parentSchema:schema18.properties.model_size_gb,data:data49};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data37.kv_cache_available_gb !== undefined){
let data50 = data37.kv_cache_available_gb;
if(!((typeof data50 == "number") && (isFinite(data50)))){
const err73 = {instancePath:instancePath+"/models/" + i3+"/kv_cache_available_gb",schemaPath:"#/definitions/model/properties/kv_cache_available_gb/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema18.properties.kv_cache_available_gb.type,parentSchema:schema18.properties.kv_cache_available_gb,data:data50};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data37.supports_vision !== undefined){
let data51 = data37.supports_vision;
if(typeof data51 !== "boolean"){
const err74 = {instancePath:instancePath+"/models/" + i3+"/supports_vision",schemaPath:"#/definitions/model/properties/supports_vision/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema18.properties.supports_vision.type,parentSchema:schema18.properties.supports_vision,data:data51};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data37.supports_function_calling !== undefined){
let data52 = data37.supports_function_calling;
if(typeof data52 !== "boolean"){
const err75 = {instancePath:instancePath+"/models/" + i3+"/supports_function_calling",schemaPath:"#/definitions/model/properties/supports_function_calling/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema18.properties.supports_function_calling.type,parentSchema:schema18.properties.supports_function_calling,data:data52};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data37.supports_tool_use !== undefined){
let data53 = data37.supports_tool_use;
if(typeof data53 !== "boolean"){
const err76 = {instancePath:instancePath+"/models/" + i3+"/supports_tool_use",schemaPath:"#/definitions/model/properties/supports_tool_use/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema18.properties.supports_tool_use.type,parentSchema:schema18.properties.supports_tool_use,data:data53};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data37.keep_alive !== undefined){
let data54 = data37.keep_alive;
if((typeof data54 !== "string") && (!((typeof data54 == "number") && (isFinite(data54))))){
const err77 = {instancePath:instancePath+"/models/" + i3+"/keep_alive",schemaPath:"#/definitions/model/properties/keep_alive/type",keyword:"type",params:{type: schema18.properties.keep_alive.type},message:"must be string,number",schema:schema18.properties.keep_alive.type,parentSchema:schema18.properties.keep_alive,data:data54};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data37.options !== undefined){
let data55 = data37.options;
if(!(data55 && typeof data55 == "object" && !Array.isArray(data55))){
const err78 = {instancePath:instancePath+"/models/" + i3+"/options",schemaPath:"#/definitions/model/properties/options/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema18.properties.options.type,parentSchema:schema18.properties.options,data:data55};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
}
}
}
}
}
else {
const err79 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://rainymodel.dev/schemas/providers.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.providers === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "providers"},message:"must have required property '"+"providers"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "providers") || (key0 === "metadata")) || (key0 === "health_checks"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
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
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(Object.keys(data0).length < 1){
const err2 = {instancePath:instancePath+"/providers",schemaPath:"#/properties/providers/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema11.properties.providers,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key1 in data0){
const _errs4 = errors;
if(typeof key1 === "string"){
if(!pattern0.test(key1)){
const err3 = {instancePath:instancePath+"/providers",schemaPath:"#/properties/providers/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_.-]*$",parentSchema:schema11.properties.providers.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var valid1 = _errs4 === errors;
if(!valid1){
const err4 = {instancePath:instancePath+"/providers",schemaPath:"#/properties/providers/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema11.properties.providers.propertyNames,parentSchema:schema11.properties.providers,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
for(const key2 in data0){
if(!(validate11(data0[key2], {instancePath:instancePath+"/providers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data0,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err5 = {instancePath:instancePath+"/providers",schemaPath:"#/properties/providers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.providers.type,parentSchema:schema11.properties.providers,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err6 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metadata.type,parentSchema:schema11.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.health_checks !== undefined){
let data3 = data.health_checks;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err7 = {instancePath:instancePath+"/health_checks",schemaPath:"#/properties/health_checks/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.health_checks.type,parentSchema:schema11.properties.health_checks,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

