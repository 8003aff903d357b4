{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a> › <a href="{{P}}/documents">{{t_doc_documents_title}}</a></p>
<h1>{{t_doc_register}}</h1>
{{#HAS_ERROR}}<p class="error" role="alert" id="register-error" tabindex="-1">{{ERROR}}</p>{{/HAS_ERROR}}
<p class="help">{{t_doc_register_help}}</p>
<form method="post" action="{{P}}/admin/documents" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="d-symbol">{{t_col_symbol}}</label>
<input type="text" id="d-symbol" name="symbol" value="{{SYMBOL}}" required maxlength="100" dir="ltr" aria-describedby="d-symbol-help">
<p id="d-symbol-help" class="help">{{t_doc_symbol_help}}</p>
<label for="d-body">{{t_col_body}}</label>
<select id="d-body" name="body"><option value="">—</option>{{#BODIES}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/BODIES}}</select>
<label for="d-date">{{t_col_date}}</label>
<input type="date" id="d-date" name="date" value="{{DATE}}" required>
{{#TEXTS}}<fieldset><legend>{{NAME}}</legend>
<label for="d-title-{{CODE}}">{{t_doc_col_title}}</label>
<input type="text" id="d-title-{{CODE}}" name="title_{{CODE}}" value="{{TITLE}}" maxlength="500" lang="{{CODE}}" dir="auto">
<label for="d-summary-{{CODE}}">{{t_doc_summary}}</label>
<textarea id="d-summary-{{CODE}}" name="summary_{{CODE}}" rows="2" lang="{{CODE}}" dir="auto">{{SUMMARY}}</textarea>
</fieldset>{{/TEXTS}}
<label for="d-source-kind">{{t_doc_source_kind}}</label>
<select id="d-source-kind" name="source_kind">{{#SOURCE_KINDS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/SOURCE_KINDS}}</select>
<label for="d-source">{{t_doc_source}}</label>
<input type="text" id="d-source" name="source" value="{{SOURCE}}" maxlength="300" dir="auto" aria-describedby="d-source-help">
<p id="d-source-help" class="help">{{t_doc_source_help}}</p>
<label for="d-relation">{{t_doc_relation}}</label>
<select id="d-relation" name="relation">{{#RELATIONS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/RELATIONS}}</select>
<label for="d-relation-symbol">{{t_doc_relation_symbol}}</label>
<input type="text" id="d-relation-symbol" name="relation_symbol" value="{{RELATION_SYMBOL}}" maxlength="100" dir="ltr">
<label for="d-access">{{t_doc_access}}</label>
<select id="d-access" name="access">{{#ACCESS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ACCESS}}</select>
<label for="d-status">{{t_col_status}}</label>
<select id="d-status" name="status">{{#STATUSES}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/STATUSES}}</select>
<button type="submit">{{t_doc_register_button}}</button>
</form>
<h2 id="res-h">{{t_res_register}}</h2>
{{#RES_ERROR}}<p class="error" role="alert">{{ERROR}}</p>{{/RES_ERROR}}
<form method="post" action="{{P}}/admin/resolutions" class="stack" aria-labelledby="res-h">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="r-instrument">{{t_res_adopted_by}}</label>
<select id="r-instrument" name="res_instrument">{{#INSTRUMENTS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/INSTRUMENTS}}</select>
<label for="r-number">{{t_res_number}}</label>
<input type="number" id="r-number" name="res_number" value="{{res_number}}" min="1" max="99999" required>
{{#RES_TITLES}}<label for="r-title-{{CODE}}">{{t_doc_col_title}} ({{NAME}})</label>
<input type="text" id="r-title-{{CODE}}" name="res_title_{{CODE}}" value="{{TITLE}}" maxlength="500" lang="{{CODE}}" dir="auto">
{{/RES_TITLES}}<fieldset><legend>{{t_res_adopted}}</legend>
<label for="r-adopted-year">{{t_res_year}}</label><input type="number" id="r-adopted-year" name="res_adopted_year" value="{{res_adopted_year}}" min="1865" max="2200" required>
<label for="r-adopted-place">{{t_res_place}}</label><input type="text" id="r-adopted-place" name="res_adopted_place" value="{{res_adopted_place}}" maxlength="200" dir="ltr">
</fieldset>
<fieldset><legend>{{t_res_revised}}</legend>
<label for="r-revised-year">{{t_res_year}}</label><input type="number" id="r-revised-year" name="res_revised_year" value="{{res_revised_year}}" min="1865" max="2200">
<label for="r-revised-place">{{t_res_place}}</label><input type="text" id="r-revised-place" name="res_revised_place" value="{{res_revised_place}}" maxlength="200" dir="ltr">
</fieldset>
<button type="submit">{{t_res_register_button}}</button>
</form>
