{{%AUTOESCAPE context="HTML"}}<div class="error-summary" id="error-summary" tabindex="-1" autofocus role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">{{t_form_errors_title}}</h2>
<ul>{{#ERRORS}}<li>{{#LINKED}}<a href="#{{ID}}">{{MSG}}</a>{{/LINKED}}{{#UNLINKED}}{{MSG}}{{/UNLINKED}}</li>{{/ERRORS}}</ul>
</div>
