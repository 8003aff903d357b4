{{%AUTOESCAPE context="HTML"}}
<p class="crumbs noprint">{{#CRUMB}}<a href="{{P}}{{URL}}">{{TEXT}}</a>{{#CRUMB_separator}} › {{/CRUMB_separator}}{{/CRUMB}}</p>
{{#HAS_MESSAGE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/HAS_MESSAGE}}{{>FORM_ERRORS}}
{{>ISSUED_VIEW}}
{{>LIFECYCLE}}
