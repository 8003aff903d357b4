{{%AUTOESCAPE context="HTML"}}
<section class="lifecycle noprint" aria-labelledby="lifecycle-h">
<h2 id="lifecycle-h">{{t_doc_lifecycle}}</h2>
{{#HAS_MESSAGE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/HAS_MESSAGE}}{{>FORM_ERRORS}}
<p id="doc-status">{{t_doc_lifecycle_status}}{{t_punct_colon}}<strong>{{STATUS}}</strong>{{#ISSUED}} · <a href="{{P}}/documents/{{DOC_ID}}"><bdi class="sym">{{SYMBOL}}</bdi></a>{{/ISSUED}}</p>
{{#STAFF}}{{#CAN_APPROVE}}<form method="post" action="{{P}}{{FORM_BASE}}/approve{{QUERY}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_doc_approve}}</button></form>{{/CAN_APPROVE}}
{{#CAN_ISSUE}}<form method="post" action="{{P}}{{FORM_BASE}}/issue{{QUERY}}" class="stack"><input type="hidden" name="csrf" value="{{CSRF}}">
<label for="issue-symbol">{{t_doc_issue_symbol}}</label>{{#AMENDS}}<p class="help" id="issue-symbol-help">{{AMENDS_TEXT}}</p>{{/AMENDS}}{{#E_issue_symbol}}<p class="field-error" id="issue-symbol-error">{{E_MSG}}</p>{{/E_issue_symbol}}
<input id="issue-symbol" name="symbol" type="text" required dir="ltr" value="{{SYMBOL_VALUE}}" {{#AMENDS}} aria-describedby="issue-symbol-help{{#E_issue_symbol}} issue-symbol-error{{/E_issue_symbol}}"{{/AMENDS}}{{#NO_AMENDS}}{{#E_issue_symbol}} aria-describedby="issue-symbol-error"{{/E_issue_symbol}}{{/NO_AMENDS}}{{#E_issue_symbol}} aria-invalid="true"{{/E_issue_symbol}}>
<label for="issue-date">{{t_doc_issue_date}}</label>{{#E_issue_date}}<p class="field-error" id="issue-date-error">{{E_MSG}}</p>{{/E_issue_date}}<input id="issue-date" name="date" type="date" required value="{{DATE_VALUE}}"{{#E_issue_date}} aria-invalid="true" aria-describedby="issue-date-error"{{/E_issue_date}}>
<p class="actions"><button type="submit">{{t_doc_issue}}</button></p></form>{{/CAN_ISSUE}}
{{#CAN_WITHDRAW}}<form method="post" action="{{P}}{{FORM_BASE}}/withdraw-approval{{QUERY}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">{{t_doc_withdraw}}</button></form>{{/CAN_WITHDRAW}}{{/STAFF}}
</section>
