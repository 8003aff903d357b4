{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a> › <a href="{{P}}/documents">{{t_doc_documents_title}}</a></p>
<h1>{{t_doc_register}}</h1>
<p class="help">{{t_doc_register_help}}</p>
<form method="post" action="{{P}}/admin/documents" class="stack">
{{>FORM_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="d-symbol">{{t_col_symbol}}</label>
{{#E_d_symbol}}<p class="field-error" id="d-symbol-error">{{E_MSG}}</p>{{/E_d_symbol}}<input type="text" id="d-symbol" name="symbol" value="{{SYMBOL}}" required maxlength="100" dir="ltr" aria-describedby="d-symbol-help{{#E_d_symbol}} d-symbol-error{{/E_d_symbol}}"{{#E_d_symbol}} aria-invalid="true"{{/E_d_symbol}}>
<p id="d-symbol-help" class="help">{{t_doc_symbol_help}}</p>
<label for="d-body">{{t_col_body}}</label>
{{#E_d_body}}<p class="field-error" id="d-body-error">{{E_MSG}}</p>{{/E_d_body}}<select id="d-body" name="body"{{#E_d_body}} aria-invalid="true" aria-describedby="d-body-error"{{/E_d_body}}><option value="">—</option>{{#BODIES}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/BODIES}}</select>
<label for="d-date">{{t_col_date}}</label>
{{#E_d_date}}<p class="field-error" id="d-date-error">{{E_MSG}}</p>{{/E_d_date}}<input type="date" id="d-date" name="date" value="{{DATE}}" required{{#E_d_date}} aria-invalid="true" aria-describedby="d-date-error"{{/E_d_date}}>
{{#TEXTS}}<fieldset><legend>{{NAME}}</legend>
<label for="d-title-{{CODE}}">{{t_doc_col_title}}</label>
{{#TITLE_ERR}}<p class="field-error" id="d-title-{{CODE}}-error">{{TITLE_MSG}}</p>{{/TITLE_ERR}}<input type="text" id="d-title-{{CODE}}" name="title_{{CODE}}" value="{{TITLE}}" maxlength="500" lang="{{CODE}}" dir="auto"{{#TITLE_ERR}} aria-invalid="true" aria-describedby="d-title-{{CODE}}-error"{{/TITLE_ERR}}>
<label for="d-summary-{{CODE}}">{{t_doc_summary}}</label>
<textarea id="d-summary-{{CODE}}" name="summary_{{CODE}}" rows="2" lang="{{CODE}}" dir="auto">{{SUMMARY:pre_escape}}</textarea>
<label class="draft-box"><input type="checkbox" id="d-draft-{{CODE}}" name="texts_draft_{{CODE}}" value="1"{{#DRAFT}} checked{{/DRAFT}}> {{DRAFT_LABEL}}</label>
</fieldset>{{/TEXTS}}
<label for="d-source-kind">{{t_doc_source_kind}}</label>
{{#E_d_source_kind}}<p class="field-error" id="d-source-kind-error">{{E_MSG}}</p>{{/E_d_source_kind}}<select id="d-source-kind" name="source_kind"{{#E_d_source_kind}} aria-invalid="true" aria-describedby="d-source-kind-error"{{/E_d_source_kind}}>{{#SOURCE_KINDS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/SOURCE_KINDS}}</select>
<label for="d-source">{{t_doc_source}}</label>
{{#E_d_source}}<p class="field-error" id="d-source-error">{{E_MSG}}</p>{{/E_d_source}}<input type="text" id="d-source" name="source" value="{{SOURCE}}" maxlength="300" dir="auto" aria-describedby="d-source-help{{#E_d_source}} d-source-error{{/E_d_source}}"{{#E_d_source}} aria-invalid="true"{{/E_d_source}}>
<p id="d-source-help" class="help">{{t_doc_source_help}}</p>
<label for="d-relation">{{t_doc_relation}}</label>
<select id="d-relation" name="relation">{{#RELATIONS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/RELATIONS}}</select>
<label for="d-relation-symbol">{{t_doc_relation_symbol}}</label>
{{#E_d_relation_symbol}}<p class="field-error" id="d-relation-symbol-error">{{E_MSG}}</p>{{/E_d_relation_symbol}}<input type="text" id="d-relation-symbol" name="relation_symbol" value="{{RELATION_SYMBOL}}" maxlength="100" dir="ltr"{{#E_d_relation_symbol}} aria-invalid="true" aria-describedby="d-relation-symbol-error"{{/E_d_relation_symbol}}>
<label for="d-access">{{t_doc_access}}</label>
{{#E_d_access}}<p class="field-error" id="d-access-error">{{E_MSG}}</p>{{/E_d_access}}<select id="d-access" name="access"{{#E_d_access}} aria-invalid="true" aria-describedby="d-access-error"{{/E_d_access}}>{{#ACCESS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ACCESS}}</select>
<label for="d-status">{{t_col_status}}</label>
{{#E_d_status}}<p class="field-error" id="d-status-error">{{E_MSG}}</p>{{/E_d_status}}<select id="d-status" name="status"{{#E_d_status}} aria-invalid="true" aria-describedby="d-status-error"{{/E_d_status}}>{{#STATUSES}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/STATUSES}}</select>
<button type="submit">{{t_doc_register_button}}</button>
</form>
<h2 id="res-h">{{t_res_register}}</h2>
{{#RES}}<form method="post" action="{{P}}/admin/resolutions" class="stack" aria-labelledby="res-h">
{{#RES_SUMMARY}}{{>FORM_ERRORS}}{{/RES_SUMMARY}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="r-instrument">{{t_res_adopted_by}}</label>
{{#E_r_instrument}}<p class="field-error" id="r-instrument-error">{{E_MSG}}</p>{{/E_r_instrument}}<select id="r-instrument" name="res_instrument"{{#E_r_instrument}} aria-invalid="true" aria-describedby="r-instrument-error"{{/E_r_instrument}}>{{#INSTRUMENTS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/INSTRUMENTS}}</select>
<label for="r-number">{{t_res_number}}</label>
{{#E_r_number}}<p class="field-error" id="r-number-error">{{E_MSG}}</p>{{/E_r_number}}<input type="number" id="r-number" name="res_number" value="{{res_number}}" min="1" max="99999" required{{#E_r_number}} aria-invalid="true" aria-describedby="r-number-error"{{/E_r_number}}>
{{#RES_TITLES}}<label for="r-title-{{CODE}}">{{t_doc_col_title}} ({{NAME}})</label>
{{#TITLE_ERR}}<p class="field-error" id="r-title-{{CODE}}-error">{{TITLE_MSG}}</p>{{/TITLE_ERR}}<input type="text" id="r-title-{{CODE}}" name="res_title_{{CODE}}" value="{{TITLE}}" maxlength="500" lang="{{CODE}}" dir="auto"{{#TITLE_ERR}} aria-invalid="true" aria-describedby="r-title-{{CODE}}-error"{{/TITLE_ERR}}>
{{/RES_TITLES}}<fieldset><legend>{{t_res_adopted}}</legend>
<label for="r-adopted-year">{{t_res_year}}</label>{{#E_r_adopted_year}}<p class="field-error" id="r-adopted-year-error">{{E_MSG}}</p>{{/E_r_adopted_year}}<input type="number" id="r-adopted-year" name="res_adopted_year" value="{{res_adopted_year}}" min="1865" max="2200" required{{#E_r_adopted_year}} aria-invalid="true" aria-describedby="r-adopted-year-error"{{/E_r_adopted_year}}>
<label for="r-adopted-place">{{t_res_place}}</label>{{#E_r_adopted_place}}<p class="field-error" id="r-adopted-place-error">{{E_MSG}}</p>{{/E_r_adopted_place}}<input type="text" id="r-adopted-place" name="res_adopted_place" value="{{res_adopted_place}}" maxlength="200" dir="ltr"{{#E_r_adopted_place}} aria-invalid="true" aria-describedby="r-adopted-place-error"{{/E_r_adopted_place}}>
</fieldset>
<fieldset><legend>{{t_res_revised}}</legend>
<label for="r-revised-year">{{t_res_year}}</label>{{#E_r_revised_year}}<p class="field-error" id="r-revised-year-error">{{E_MSG}}</p>{{/E_r_revised_year}}<input type="number" id="r-revised-year" name="res_revised_year" value="{{res_revised_year}}" min="1865" max="2200"{{#E_r_revised_year}} aria-invalid="true" aria-describedby="r-revised-year-error"{{/E_r_revised_year}}>
<label for="r-revised-place">{{t_res_place}}</label>{{#E_r_revised_place}}<p class="field-error" id="r-revised-place-error">{{E_MSG}}</p>{{/E_r_revised_place}}<input type="text" id="r-revised-place" name="res_revised_place" value="{{res_revised_place}}" maxlength="200" dir="ltr"{{#E_r_revised_place}} aria-invalid="true" aria-describedby="r-revised-place-error"{{/E_r_revised_place}}>
</fieldset>
<button type="submit">{{t_res_register_button}}</button>
</form>{{/RES}}
