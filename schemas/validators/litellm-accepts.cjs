// Generated from schemas/litellm-accepts.schema.json by ajv's standalone code generation (src/shared/schema-codegen.ts). Do not edit: run `npm run gen:validators`.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://rainymodel.dev/schemas/litellm-accepts.schema.json","title":"What a stock LiteLLM (1.81.13) accepts from a proxy config without dropping or misreading it","description":"LiteLLM's typed fields (litellm/types/router.py: ModelInfo, GenericLiteLLMParams; the proxy's router_settings and litellm_settings) and the measured facts in ../shared/reference/litellm-config.md. Extra keys are allowed everywhere, as LiteLLM allows them; the semantic conditions (no ${...}, order needs pre-call checks, weights, fallback targets) are checked in src/compile/litellm-facts.ts.","type":"object","required":["model_list"],"properties":{"model_list":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/deployment"}},"router_settings":{"type":"object","properties":{"routing_strategy":{"enum":["simple-shuffle","least-busy","usage-based-routing","usage-based-routing-v2","latency-based-routing","cost-based-routing"]},"enable_pre_call_checks":{"type":"boolean"},"num_retries":{"type":"integer","minimum":0},"allowed_fails":{"type":"integer","minimum":0},"cooldown_time":{"type":"number","minimum":0},"max_fallbacks":{"type":"integer","minimum":0},"fallbacks":{"$ref":"#/definitions/fallbackList"},"context_window_fallbacks":{"$ref":"#/definitions/fallbackList"},"content_policy_fallbacks":{"$ref":"#/definitions/fallbackList"},"default_fallbacks":{"type":"array","items":{"type":"string","minLength":1}},"model_group_alias":{"type":"object","additionalProperties":{"anyOf":[{"type":"string"},{"type":"object"}]}}}},"litellm_settings":{"type":"object","properties":{"set_verbose":{"description":"deprecated in LiteLLM: never emitted","not":{}},"drop_params":{"type":"boolean"},"cache":{"type":"boolean"}}},"general_settings":{"type":"object","properties":{"master_key":{"type":"string","pattern":"^(os\\.environ/[A-Za-z_][A-Za-z0-9_]*|sk-.+)$"}}}},"definitions":{"envOrNumber":{"anyOf":[{"type":"number"},{"type":"string","pattern":"^os\\.environ/[A-Za-z_][A-Za-z0-9_]*$"}]},"fallbackList":{"type":"array","items":{"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":{"type":"array","items":{"type":"string","minLength":1}}}},"deployment":{"type":"object","required":["model_name","litellm_params"],"properties":{"model_name":{"type":"string","minLength":1},"litellm_params":{"type":"object","required":["model"],"properties":{"provider":{"description":"no such key in LiteLLM (\"LLM Provider NOT provided\"): the prefix of model decides","not":{}},"model":{"type":"string","pattern":"^[A-Za-z0-9_.-]+/.+"},"api_base":{"type":"string","pattern":"^(https?://[^\\s/$.?#][^\\s]*|os\\.environ/[A-Za-z_][A-Za-z0-9_]*)$"},"api_key":{"type":"string"},"rpm":{"type":"integer","minimum":0},"tpm":{"type":"integer","minimum":0},"weight":{"type":"number","exclusiveMinimum":0},"order":{"type":"integer","minimum":1},"timeout":{"$ref":"#/definitions/envOrNumber"},"stream_timeout":{"$ref":"#/definitions/envOrNumber"},"max_retries":{"type":"integer","minimum":0},"max_parallel_requests":{"type":"integer","minimum":1}}},"model_info":{"type":"object","properties":{"id":{"type":"string","minLength":1},"tier":{"enum":["free","paid"]},"base_model":{"type":"string"},"team_id":{"type":"string"},"max_input_tokens":{"type":"integer","minimum":1}}}}}}};
const schema15 = {"type":"array","items":{"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":{"type":"array","items":{"type":"string","minLength":1}}}};
const schema12 = {"type":"object","required":["model_name","litellm_params"],"properties":{"model_name":{"type":"string","minLength":1},"litellm_params":{"type":"object","required":["model"],"properties":{"provider":{"description":"no such key in LiteLLM (\"LLM Provider NOT provided\"): the prefix of model decides","not":{}},"model":{"type":"string","pattern":"^[A-Za-z0-9_.-]+/.+"},"api_base":{"type":"string","pattern":"^(https?://[^\\s/$.?#][^\\s]*|os\\.environ/[A-Za-z_][A-Za-z0-9_]*)$"},"api_key":{"type":"string"},"rpm":{"type":"integer","minimum":0},"tpm":{"type":"integer","minimum":0},"weight":{"type":"number","exclusiveMinimum":0},"order":{"type":"integer","minimum":1},"timeout":{"$ref":"#/definitions/envOrNumber"},"stream_timeout":{"$ref":"#/definitions/envOrNumber"},"max_retries":{"type":"integer","minimum":0},"max_parallel_requests":{"type":"integer","minimum":1}}},"model_info":{"type":"object","properties":{"id":{"type":"string","minLength":1},"tier":{"enum":["free","paid"]},"base_model":{"type":"string"},"team_id":{"type":"string"},"max_input_tokens":{"type":"integer","minimum":1}}}}};
const schema13 = {"anyOf":[{"type":"number"},{"type":"string","pattern":"^os\\.environ/[A-Za-z_][A-Za-z0-9_]*$"}]};
const func2 = require("ajv/dist/runtime/ucs2length").default;
const pattern0 = new RegExp("^[A-Za-z0-9_.-]+/.+", "u");
const pattern1 = new RegExp("^(https?://[^\\s/$.?#][^\\s]*|os\\.environ/[A-Za-z_][A-Za-z0-9_]*)$", "u");
const pattern2 = new RegExp("^os\\.environ/[A-Za-z_][A-Za-z0-9_]*$", "u");

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
if(data1.provider !== undefined){
const err5 = {instancePath:instancePath+"/litellm_params/provider",schemaPath:"#/properties/litellm_params/properties/provider/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema12.properties.litellm_params.properties.provider.not,parentSchema:schema12.properties.litellm_params.properties.provider,data:data1.provider};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data1.model !== undefined){
let data3 = data1.model;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err6 = {instancePath:instancePath+"/litellm_params/model",schemaPath:"#/properties/litellm_params/properties/model/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.-]+/.+"},message:"must match pattern \""+"^[A-Za-z0-9_.-]+/.+"+"\"",schema:"^[A-Za-z0-9_.-]+/.+",parentSchema:schema12.properties.litellm_params.properties.model,data:data3};
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
const err7 = {instancePath:instancePath+"/litellm_params/model",schemaPath:"#/properties/litellm_params/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.litellm_params.properties.model.type,parentSchema:schema12.properties.litellm_params.properties.model,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data1.api_base !== undefined){
let data4 = data1.api_base;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err8 = {instancePath:instancePath+"/litellm_params/api_base",schemaPath:"#/properties/litellm_params/properties/api_base/pattern",keyword:"pattern",params:{pattern: "^(https?://[^\\s/$.?#][^\\s]*|os\\.environ/[A-Za-z_][A-Za-z0-9_]*)$"},message:"must match pattern \""+"^(https?://[^\\s/$.?#][^\\s]*|os\\.environ/[A-Za-z_][A-Za-z0-9_]*)$"+"\"",schema:"^(https?://[^\\s/$.?#][^\\s]*|os\\.environ/[A-Za-z_][A-Za-z0-9_]*)$",parentSchema:schema12.properties.litellm_params.properties.api_base,data:data4};
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
const err9 = {instancePath:instancePath+"/litellm_params/api_base",schemaPath:"#/properties/litellm_params/properties/api_base/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.litellm_params.properties.api_base.type,parentSchema:schema12.properties.litellm_params.properties.api_base,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data1.api_key !== undefined){
let data5 = data1.api_key;
if(typeof data5 !== "string"){
const err10 = {instancePath:instancePath+"/litellm_params/api_key",schemaPath:"#/properties/litellm_params/properties/api_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.litellm_params.properties.api_key.type,parentSchema:schema12.properties.litellm_params.properties.api_key,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data1.rpm !== undefined){
let data6 = data1.rpm;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err11 = {instancePath:instancePath+"/litellm_params/rpm",schemaPath:"#/properties/litellm_params/properties/rpm/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.litellm_params.properties.rpm.type,parentSchema:schema12.properties.litellm_params.properties.rpm,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err12 = {instancePath:instancePath+"/litellm_params/rpm",schemaPath:"#/properties/litellm_params/properties/rpm/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.litellm_params.properties.rpm,data:data6};
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
if(data1.tpm !== undefined){
let data7 = data1.tpm;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err13 = {instancePath:instancePath+"/litellm_params/tpm",schemaPath:"#/properties/litellm_params/properties/tpm/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.litellm_params.properties.tpm.type,parentSchema:schema12.properties.litellm_params.properties.tpm,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err14 = {instancePath:instancePath+"/litellm_params/tpm",schemaPath:"#/properties/litellm_params/properties/tpm/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.litellm_params.properties.tpm,data:data7};
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
if(data1.weight !== undefined){
let data8 = data1.weight;
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 <= 0 || isNaN(data8)){
const err15 = {instancePath:instancePath+"/litellm_params/weight",schemaPath:"#/properties/litellm_params/properties/weight/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema12.properties.litellm_params.properties.weight,data:data8};
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
const err16 = {instancePath:instancePath+"/litellm_params/weight",schemaPath:"#/properties/litellm_params/properties/weight/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.litellm_params.properties.weight.type,parentSchema:schema12.properties.litellm_params.properties.weight,data:data8};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data1.order !== undefined){
let data9 = data1.order;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err17 = {instancePath:instancePath+"/litellm_params/order",schemaPath:"#/properties/litellm_params/properties/order/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.litellm_params.properties.order.type,parentSchema:schema12.properties.litellm_params.properties.order,data:data9};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 1 || isNaN(data9)){
const err18 = {instancePath:instancePath+"/litellm_params/order",schemaPath:"#/properties/litellm_params/properties/order/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties.litellm_params.properties.order,data:data9};
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
if(data1.timeout !== undefined){
let data10 = data1.timeout;
const _errs23 = errors;
let valid3 = false;
const _errs24 = errors;
if(!((typeof data10 == "number") && (isFinite(data10)))){
const err19 = {instancePath:instancePath+"/litellm_params/timeout",schemaPath:"#/definitions/envOrNumber/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema13.anyOf[0].type,parentSchema:schema13.anyOf[0],data:data10};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var _valid0 = _errs24 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs26 = errors;
if(typeof data10 === "string"){
if(!pattern2.test(data10)){
const err20 = {instancePath:instancePath+"/litellm_params/timeout",schemaPath:"#/definitions/envOrNumber/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^os\\.environ/[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^os\\.environ/[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^os\\.environ/[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema13.anyOf[1],data:data10};
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
const err21 = {instancePath:instancePath+"/litellm_params/timeout",schemaPath:"#/definitions/envOrNumber/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.anyOf[1].type,parentSchema:schema13.anyOf[1],data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var _valid0 = _errs26 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err22 = {instancePath:instancePath+"/litellm_params/timeout",schemaPath:"#/definitions/envOrNumber/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema13.anyOf,parentSchema:schema13,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
else {
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
}
}
if(data1.stream_timeout !== undefined){
let data11 = data1.stream_timeout;
const _errs30 = errors;
let valid5 = false;
const _errs31 = errors;
if(!((typeof data11 == "number") && (isFinite(data11)))){
const err23 = {instancePath:instancePath+"/litellm_params/stream_timeout",schemaPath:"#/definitions/envOrNumber/anyOf/0/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema13.anyOf[0].type,parentSchema:schema13.anyOf[0],data:data11};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var _valid1 = _errs31 === errors;
valid5 = valid5 || _valid1;
if(!valid5){
const _errs33 = errors;
if(typeof data11 === "string"){
if(!pattern2.test(data11)){
const err24 = {instancePath:instancePath+"/litellm_params/stream_timeout",schemaPath:"#/definitions/envOrNumber/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^os\\.environ/[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^os\\.environ/[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^os\\.environ/[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema13.anyOf[1],data:data11};
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
const err25 = {instancePath:instancePath+"/litellm_params/stream_timeout",schemaPath:"#/definitions/envOrNumber/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.anyOf[1].type,parentSchema:schema13.anyOf[1],data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var _valid1 = _errs33 === errors;
valid5 = valid5 || _valid1;
}
if(!valid5){
const err26 = {instancePath:instancePath+"/litellm_params/stream_timeout",schemaPath:"#/definitions/envOrNumber/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema13.anyOf,parentSchema:schema13,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
else {
errors = _errs30;
if(vErrors !== null){
if(_errs30){
vErrors.length = _errs30;
}
else {
vErrors = null;
}
}
}
}
if(data1.max_retries !== undefined){
let data12 = data1.max_retries;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err27 = {instancePath:instancePath+"/litellm_params/max_retries",schemaPath:"#/properties/litellm_params/properties/max_retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.litellm_params.properties.max_retries.type,parentSchema:schema12.properties.litellm_params.properties.max_retries,data:data12};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 0 || isNaN(data12)){
const err28 = {instancePath:instancePath+"/litellm_params/max_retries",schemaPath:"#/properties/litellm_params/properties/max_retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.litellm_params.properties.max_retries,data:data12};
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
if(data1.max_parallel_requests !== undefined){
let data13 = data1.max_parallel_requests;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err29 = {instancePath:instancePath+"/litellm_params/max_parallel_requests",schemaPath:"#/properties/litellm_params/properties/max_parallel_requests/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.litellm_params.properties.max_parallel_requests.type,parentSchema:schema12.properties.litellm_params.properties.max_parallel_requests,data:data13};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 1 || isNaN(data13)){
const err30 = {instancePath:instancePath+"/litellm_params/max_parallel_requests",schemaPath:"#/properties/litellm_params/properties/max_parallel_requests/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties.litellm_params.properties.max_parallel_requests,data:data13};
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
}
else {
const err31 = {instancePath:instancePath+"/litellm_params",schemaPath:"#/properties/litellm_params/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.litellm_params.type,parentSchema:schema12.properties.litellm_params,data:data1};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.model_info !== undefined){
let data14 = data.model_info;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.id !== undefined){
let data15 = data14.id;
if(typeof data15 === "string"){
if(func2(data15) < 1){
const err32 = {instancePath:instancePath+"/model_info/id",schemaPath:"#/properties/model_info/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.model_info.properties.id,data:data15};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/model_info/id",schemaPath:"#/properties/model_info/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.model_info.properties.id.type,parentSchema:schema12.properties.model_info.properties.id,data:data15};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data14.tier !== undefined){
let data16 = data14.tier;
if(!((data16 === "free") || (data16 === "paid"))){
const err34 = {instancePath:instancePath+"/model_info/tier",schemaPath:"#/properties/model_info/properties/tier/enum",keyword:"enum",params:{allowedValues: schema12.properties.model_info.properties.tier.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.model_info.properties.tier.enum,parentSchema:schema12.properties.model_info.properties.tier,data:data16};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data14.base_model !== undefined){
let data17 = data14.base_model;
if(typeof data17 !== "string"){
const err35 = {instancePath:instancePath+"/model_info/base_model",schemaPath:"#/properties/model_info/properties/base_model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.model_info.properties.base_model.type,parentSchema:schema12.properties.model_info.properties.base_model,data:data17};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data14.team_id !== undefined){
let data18 = data14.team_id;
if(typeof data18 !== "string"){
const err36 = {instancePath:instancePath+"/model_info/team_id",schemaPath:"#/properties/model_info/properties/team_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.model_info.properties.team_id.type,parentSchema:schema12.properties.model_info.properties.team_id,data:data18};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data14.max_input_tokens !== undefined){
let data19 = data14.max_input_tokens;
if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){
const err37 = {instancePath:instancePath+"/model_info/max_input_tokens",schemaPath:"#/properties/model_info/properties/max_input_tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.model_info.properties.max_input_tokens.type,parentSchema:schema12.properties.model_info.properties.max_input_tokens,data:data19};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 < 1 || isNaN(data19)){
const err38 = {instancePath:instancePath+"/model_info/max_input_tokens",schemaPath:"#/properties/model_info/properties/max_input_tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties.model_info.properties.max_input_tokens,data:data19};
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
}
else {
const err39 = {instancePath:instancePath+"/model_info",schemaPath:"#/properties/model_info/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.model_info.type,parentSchema:schema12.properties.model_info,data:data14};
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
const err40 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const pattern4 = new RegExp("^(os\\.environ/[A-Za-z_][A-Za-z0-9_]*|sk-.+)$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://rainymodel.dev/schemas/litellm-accepts.schema.json" */;
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
const err3 = {instancePath:instancePath+"/router_settings/routing_strategy",schemaPath:"#/properties/router_settings/properties/routing_strategy/enum",keyword:"enum",params:{allowedValues: schema11.properties.router_settings.properties.routing_strategy.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.router_settings.properties.routing_strategy.enum,parentSchema:schema11.properties.router_settings.properties.routing_strategy,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data2.enable_pre_call_checks !== undefined){
let data4 = data2.enable_pre_call_checks;
if(typeof data4 !== "boolean"){
const err4 = {instancePath:instancePath+"/router_settings/enable_pre_call_checks",schemaPath:"#/properties/router_settings/properties/enable_pre_call_checks/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.router_settings.properties.enable_pre_call_checks.type,parentSchema:schema11.properties.router_settings.properties.enable_pre_call_checks,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data2.num_retries !== undefined){
let data5 = data2.num_retries;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err5 = {instancePath:instancePath+"/router_settings/num_retries",schemaPath:"#/properties/router_settings/properties/num_retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.router_settings.properties.num_retries.type,parentSchema:schema11.properties.router_settings.properties.num_retries,data:data5};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err6 = {instancePath:instancePath+"/router_settings/num_retries",schemaPath:"#/properties/router_settings/properties/num_retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.router_settings.properties.num_retries,data:data5};
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
if(data2.allowed_fails !== undefined){
let data6 = data2.allowed_fails;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err7 = {instancePath:instancePath+"/router_settings/allowed_fails",schemaPath:"#/properties/router_settings/properties/allowed_fails/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.router_settings.properties.allowed_fails.type,parentSchema:schema11.properties.router_settings.properties.allowed_fails,data:data6};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err8 = {instancePath:instancePath+"/router_settings/allowed_fails",schemaPath:"#/properties/router_settings/properties/allowed_fails/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.router_settings.properties.allowed_fails,data:data6};
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
if(data2.cooldown_time !== undefined){
let data7 = data2.cooldown_time;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err9 = {instancePath:instancePath+"/router_settings/cooldown_time",schemaPath:"#/properties/router_settings/properties/cooldown_time/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.router_settings.properties.cooldown_time,data:data7};
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
const err10 = {instancePath:instancePath+"/router_settings/cooldown_time",schemaPath:"#/properties/router_settings/properties/cooldown_time/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.router_settings.properties.cooldown_time.type,parentSchema:schema11.properties.router_settings.properties.cooldown_time,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.max_fallbacks !== undefined){
let data8 = data2.max_fallbacks;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err11 = {instancePath:instancePath+"/router_settings/max_fallbacks",schemaPath:"#/properties/router_settings/properties/max_fallbacks/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.router_settings.properties.max_fallbacks.type,parentSchema:schema11.properties.router_settings.properties.max_fallbacks,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err12 = {instancePath:instancePath+"/router_settings/max_fallbacks",schemaPath:"#/properties/router_settings/properties/max_fallbacks/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.router_settings.properties.max_fallbacks,data:data8};
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
if(data2.fallbacks !== undefined){
let data9 = data2.fallbacks;
if(Array.isArray(data9)){
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(Object.keys(data10).length > 1){
const err13 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1,schemaPath:"#/definitions/fallbackList/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema15.items,data:data10};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(Object.keys(data10).length < 1){
const err14 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1,schemaPath:"#/definitions/fallbackList/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema15.items,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key0 in data10){
let data11 = data10[key0];
if(Array.isArray(data11)){
const len2 = data11.length;
for(let i2=0; i2<len2; i2++){
let data12 = data11[i2];
if(typeof data12 === "string"){
if(func2(data12) < 1){
const err15 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.items.additionalProperties.items,data:data12};
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
const err16 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.items.additionalProperties.items.type,parentSchema:schema15.items.additionalProperties.items,data:data12};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/fallbackList/items/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.items.additionalProperties.type,parentSchema:schema15.items.additionalProperties,data:data11};
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
const err18 = {instancePath:instancePath+"/router_settings/fallbacks/" + i1,schemaPath:"#/definitions/fallbackList/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.items.type,parentSchema:schema15.items,data:data10};
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
const err19 = {instancePath:instancePath+"/router_settings/fallbacks",schemaPath:"#/definitions/fallbackList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.type,parentSchema:schema15,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data2.context_window_fallbacks !== undefined){
let data13 = data2.context_window_fallbacks;
if(Array.isArray(data13)){
const len3 = data13.length;
for(let i3=0; i3<len3; i3++){
let data14 = data13[i3];
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(Object.keys(data14).length > 1){
const err20 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3,schemaPath:"#/definitions/fallbackList/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema15.items,data:data14};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(Object.keys(data14).length < 1){
const err21 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3,schemaPath:"#/definitions/fallbackList/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema15.items,data:data14};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
for(const key1 in data14){
let data15 = data14[key1];
if(Array.isArray(data15)){
const len4 = data15.length;
for(let i4=0; i4<len4; i4++){
let data16 = data15[i4];
if(typeof data16 === "string"){
if(func2(data16) < 1){
const err22 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i4,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.items.additionalProperties.items,data:data16};
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
const err23 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i4,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.items.additionalProperties.items.type,parentSchema:schema15.items.additionalProperties.items,data:data16};
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
const err24 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/fallbackList/items/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.items.additionalProperties.type,parentSchema:schema15.items.additionalProperties,data:data15};
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
const err25 = {instancePath:instancePath+"/router_settings/context_window_fallbacks/" + i3,schemaPath:"#/definitions/fallbackList/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.items.type,parentSchema:schema15.items,data:data14};
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
const err26 = {instancePath:instancePath+"/router_settings/context_window_fallbacks",schemaPath:"#/definitions/fallbackList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.type,parentSchema:schema15,data:data13};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data2.content_policy_fallbacks !== undefined){
let data17 = data2.content_policy_fallbacks;
if(Array.isArray(data17)){
const len5 = data17.length;
for(let i5=0; i5<len5; i5++){
let data18 = data17[i5];
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(Object.keys(data18).length > 1){
const err27 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5,schemaPath:"#/definitions/fallbackList/items/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema15.items,data:data18};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(Object.keys(data18).length < 1){
const err28 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5,schemaPath:"#/definitions/fallbackList/items/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema15.items,data:data18};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
for(const key2 in data18){
let data19 = data18[key2];
if(Array.isArray(data19)){
const len6 = data19.length;
for(let i6=0; i6<len6; i6++){
let data20 = data19[i6];
if(typeof data20 === "string"){
if(func2(data20) < 1){
const err29 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5+"/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i6,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.items.additionalProperties.items,data:data20};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5+"/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i6,schemaPath:"#/definitions/fallbackList/items/additionalProperties/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.items.additionalProperties.items.type,parentSchema:schema15.items.additionalProperties.items,data:data20};
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
const err31 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5+"/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/fallbackList/items/additionalProperties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.items.additionalProperties.type,parentSchema:schema15.items.additionalProperties,data:data19};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks/" + i5,schemaPath:"#/definitions/fallbackList/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.items.type,parentSchema:schema15.items,data:data18};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/router_settings/content_policy_fallbacks",schemaPath:"#/definitions/fallbackList/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.type,parentSchema:schema15,data:data17};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data2.default_fallbacks !== undefined){
let data21 = data2.default_fallbacks;
if(Array.isArray(data21)){
const len7 = data21.length;
for(let i7=0; i7<len7; i7++){
let data22 = data21[i7];
if(typeof data22 === "string"){
if(func2(data22) < 1){
const err34 = {instancePath:instancePath+"/router_settings/default_fallbacks/" + i7,schemaPath:"#/properties/router_settings/properties/default_fallbacks/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.router_settings.properties.default_fallbacks.items,data:data22};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/router_settings/default_fallbacks/" + i7,schemaPath:"#/properties/router_settings/properties/default_fallbacks/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.router_settings.properties.default_fallbacks.items.type,parentSchema:schema11.properties.router_settings.properties.default_fallbacks.items,data:data22};
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
const err36 = {instancePath:instancePath+"/router_settings/default_fallbacks",schemaPath:"#/properties/router_settings/properties/default_fallbacks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.router_settings.properties.default_fallbacks.type,parentSchema:schema11.properties.router_settings.properties.default_fallbacks,data:data21};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data2.model_group_alias !== undefined){
let data23 = data2.model_group_alias;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
for(const key3 in data23){
let data24 = data23[key3];
const _errs55 = errors;
let valid25 = false;
const _errs56 = errors;
if(typeof data24 !== "string"){
const err37 = {instancePath:instancePath+"/router_settings/model_group_alias/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/router_settings/properties/model_group_alias/additionalProperties/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.anyOf[0].type,parentSchema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.anyOf[0],data:data24};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
var _valid0 = _errs56 === errors;
valid25 = valid25 || _valid0;
if(!valid25){
const _errs58 = errors;
if(!(data24 && typeof data24 == "object" && !Array.isArray(data24))){
const err38 = {instancePath:instancePath+"/router_settings/model_group_alias/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/router_settings/properties/model_group_alias/additionalProperties/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.anyOf[1].type,parentSchema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.anyOf[1],data:data24};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
var _valid0 = _errs58 === errors;
valid25 = valid25 || _valid0;
}
if(!valid25){
const err39 = {instancePath:instancePath+"/router_settings/model_group_alias/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/router_settings/properties/model_group_alias/additionalProperties/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties.anyOf,parentSchema:schema11.properties.router_settings.properties.model_group_alias.additionalProperties,data:data24};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
else {
errors = _errs55;
if(vErrors !== null){
if(_errs55){
vErrors.length = _errs55;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err40 = {instancePath:instancePath+"/router_settings/model_group_alias",schemaPath:"#/properties/router_settings/properties/model_group_alias/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.router_settings.properties.model_group_alias.type,parentSchema:schema11.properties.router_settings.properties.model_group_alias,data:data23};
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
const err41 = {instancePath:instancePath+"/router_settings",schemaPath:"#/properties/router_settings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.router_settings.type,parentSchema:schema11.properties.router_settings,data:data2};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.litellm_settings !== undefined){
let data25 = data.litellm_settings;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.set_verbose !== undefined){
const err42 = {instancePath:instancePath+"/litellm_settings/set_verbose",schemaPath:"#/properties/litellm_settings/properties/set_verbose/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema11.properties.litellm_settings.properties.set_verbose.not,parentSchema:schema11.properties.litellm_settings.properties.set_verbose,data:data25.set_verbose};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(data25.drop_params !== undefined){
let data27 = data25.drop_params;
if(typeof data27 !== "boolean"){
const err43 = {instancePath:instancePath+"/litellm_settings/drop_params",schemaPath:"#/properties/litellm_settings/properties/drop_params/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.litellm_settings.properties.drop_params.type,parentSchema:schema11.properties.litellm_settings.properties.drop_params,data:data27};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data25.cache !== undefined){
let data28 = data25.cache;
if(typeof data28 !== "boolean"){
const err44 = {instancePath:instancePath+"/litellm_settings/cache",schemaPath:"#/properties/litellm_settings/properties/cache/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.litellm_settings.properties.cache.type,parentSchema:schema11.properties.litellm_settings.properties.cache,data:data28};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/litellm_settings",schemaPath:"#/properties/litellm_settings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.litellm_settings.type,parentSchema:schema11.properties.litellm_settings,data:data25};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.general_settings !== undefined){
let data29 = data.general_settings;
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
if(data29.master_key !== undefined){
let data30 = data29.master_key;
if(typeof data30 === "string"){
if(!pattern4.test(data30)){
const err46 = {instancePath:instancePath+"/general_settings/master_key",schemaPath:"#/properties/general_settings/properties/master_key/pattern",keyword:"pattern",params:{pattern: "^(os\\.environ/[A-Za-z_][A-Za-z0-9_]*|sk-.+)$"},message:"must match pattern \""+"^(os\\.environ/[A-Za-z_][A-Za-z0-9_]*|sk-.+)$"+"\"",schema:"^(os\\.environ/[A-Za-z_][A-Za-z0-9_]*|sk-.+)$",parentSchema:schema11.properties.general_settings.properties.master_key,data:data30};
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
const err47 = {instancePath:instancePath+"/general_settings/master_key",schemaPath:"#/properties/general_settings/properties/master_key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.general_settings.properties.master_key.type,parentSchema:schema11.properties.general_settings.properties.master_key,data:data30};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/general_settings",schemaPath:"#/properties/general_settings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.general_settings.type,parentSchema:schema11.properties.general_settings,data:data29};
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
const err49 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

